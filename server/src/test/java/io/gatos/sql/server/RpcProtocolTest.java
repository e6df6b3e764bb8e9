package io.gatos.sql.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.apache.calcite.avatica.remote.JsonService;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.junit.jupiter.api.Test;

class RpcProtocolTest {
    /** A service whose every call throws what a statement's generated code threw. */
    private static final Service FAILING = (Service) Proxy.newProxyInstance(RpcProtocolTest.class.getClassLoader(),
            new Class<?>[] {Service.class}, (proxy, method, args) -> {
                throw new ExceptionInInitializerError(new ArithmeticException("/ by zero"));
            });

    private final ProtobufTranslationImpl translation = new ProtobufTranslationImpl();

    @Test
    void anErrorThrownByTheServiceIsAnErrorResponseWithAStateAndNoFrames() throws Exception {
        RpcProtocol protocol = RpcProtocol.of(ServerConfig.Serialization.PROTOBUF, FAILING);
        byte[] request = translation.serializeRequest(new Service.PrepareAndExecuteRequest("c1", 1,
                "SELECT CAST(2 AS INTEGER)/0 FROM (VALUES(1))", 100));
        RpcProtocol.Reply reply = protocol.apply(request);
        ErrorResponse error = (ErrorResponse) translation.parseResponse(reply.body());
        assertThat(reply.status()).isEqualTo(500);
        assertThat(error.errorMessage).contains("by zero");
        assertThat(error.sqlState).isEqualTo("22012");
        assertThat(String.join("\n", error.exceptions)).doesNotContain("\tat ");
    }

    @Test
    void anUndecodableProtobufBodyIsAnErrorResponseWithoutFrames() throws Exception {
        RpcProtocol protocol = RpcProtocol.of(ServerConfig.Serialization.PROTOBUF, FAILING);
        RpcProtocol.Reply reply = protocol.apply("garbage".getBytes(UTF_8));
        ErrorResponse error = (ErrorResponse) translation.parseResponse(reply.body());
        assertThat(error.errorMessage).isNotBlank();
        assertThat(String.join("\n", error.exceptions)).doesNotContain("\tat ");
    }

    @Test
    void anUndecodableJsonBodyIsAnErrorResponseWithoutFrames() throws Exception {
        RpcProtocol protocol = RpcProtocol.of(ServerConfig.Serialization.JSON, FAILING);
        RpcProtocol.Reply reply = protocol.apply("{not json".getBytes(UTF_8));
        String body = new String(reply.body(), UTF_8);
        assertThat(JsonService.MAPPER.readValue(body, Service.Response.class)).isInstanceOf(ErrorResponse.class);
        assertThat(body).doesNotContain("\\tat ");
    }

    @Test
    void aConnectionTheServerForgotKeepsTheCodeTheClientReopensOn() throws Exception {
        Service forgetful = (Service) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Service.class},
                (proxy, method, args) -> {
                    throw new org.apache.calcite.avatica.NoSuchConnectionException("c1");
                });
        RpcProtocol protocol = RpcProtocol.of(ServerConfig.Serialization.PROTOBUF, forgetful);
        RpcProtocol.Reply reply = protocol.apply(translation.serializeRequest(
                new Service.PrepareAndExecuteRequest("c1", 1, "SELECT 1", 100)));
        ErrorResponse error = (ErrorResponse) translation.parseResponse(reply.body());
        assertThat(error.errorCode).isEqualTo(ErrorResponse.MISSING_CONNECTION_ERROR_CODE);
        assertThat(String.join("\n", error.exceptions)).doesNotContain("\tat ");
    }
}
