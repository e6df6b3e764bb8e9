package io.gatos.sql.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;

/**
 * Turns one Avatica request body into its response body, in one of the two wire formats, so that
 * every failure (undecodable bytes, a {@code java.lang.Error} thrown while a statement runs or its
 * result is encoded) becomes an Avatica error response with a message and a state only
 * ({@link ErrorShield#forClient}); Avatica's own handlers send the server's stack trace, and let
 * an {@code Error} through to Jetty's HTML page. Thread-safe.
 */
abstract class RpcProtocol {
    /**
     * Carries one response.
     *
     * @param status the HTTP status
     * @param body the encoded response
     */
    record Reply(int status, byte[] body) {
    }

    /** Returns the protocol for {@code serialization} over {@code service}. */
    static RpcProtocol of(ServerConfig.Serialization serialization, Service service) {
        return serialization == ServerConfig.Serialization.PROTOBUF ? new Protobuf(service) : new Json(service);
    }

    /** Returns the response to {@code body}; never throws. */
    abstract Reply apply(byte[] body);

    /** Returns the Content-Type of responses. */
    abstract String contentType();

    /** Tells clients which server answered them. */
    abstract void setRpcMetadata(RpcMetadataResponse metadata);

    private static final class Protobuf extends RpcProtocol {
        private final ShieldedProtobuf handler;

        Protobuf(Service service) {
            handler = new ShieldedProtobuf(service);
        }

        @Override
        Reply apply(byte[] body) {
            HandlerResponse<byte[]> response = handler.apply(body);
            return new Reply(response.getStatusCode(), response.getResponse());
        }

        @Override
        String contentType() {
            return "application/octet-stream";
        }

        @Override
        void setRpcMetadata(RpcMetadataResponse metadata) {
            handler.setRpcMetadata(metadata);
        }
    }

    private static final class Json extends RpcProtocol {
        private final ShieldedJson handler;

        Json(Service service) {
            handler = new ShieldedJson(service);
        }

        @Override
        Reply apply(byte[] body) {
            HandlerResponse<String> response = handler.apply(new String(body, UTF_8));
            return new Reply(response.getStatusCode(), response.getResponse().getBytes(UTF_8));
        }

        @Override
        String contentType() {
            return "application/json;charset=utf-8";
        }

        @Override
        void setRpcMetadata(RpcMetadataResponse metadata) {
            handler.setRpcMetadata(metadata);
        }
    }

    private static final class ShieldedProtobuf extends ProtobufHandler {
        ShieldedProtobuf(Service service) {
            super(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
        }

        @Override
        public HandlerResponse<byte[]> apply(byte[] request) {
            try {
                return super.apply(request);
            } catch (Error e) { // Avatica catches Exception only
                return convertToErrorResponse(ErrorShield.forClient(e));
            }
        }

        @Override
        public HandlerResponse<byte[]> convertToErrorResponse(Exception e) {
            return super.convertToErrorResponse(ErrorShield.forClient(e));
        }
    }

    private static final class ShieldedJson extends JsonHandler {
        ShieldedJson(Service service) {
            super(service, NoopMetricsSystem.getInstance());
        }

        @Override
        public HandlerResponse<String> apply(String request) {
            try {
                return super.apply(request);
            } catch (Error e) { // Avatica catches Exception only
                return convertToErrorResponse(ErrorShield.forClient(e));
            }
        }

        @Override
        public HandlerResponse<String> convertToErrorResponse(Exception e) {
            return super.convertToErrorResponse(ErrorShield.forClient(e));
        }
    }
}
