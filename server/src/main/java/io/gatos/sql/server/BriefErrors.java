package io.gatos.sql.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers the errors Jetty raises itself (a malformed request, headers over the limit, a failure
 * outside the gateway) with one line of plain text: the status and its reason, never an HTML page,
 * a stack trace or the exception's message. Stateless.
 */
final class BriefErrors extends ErrorHandler {
    BriefErrors() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    /** Returns the body of {@code status}, such as {@code HTTP 431 Request Header Fields Too Large}. */
    static String text(int status) {
        String reason = HttpStatus.getMessage(status);
        String hint = status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431
                ? ": the request line and headers may have at most the server's header limit" : "";
        return "HTTP " + status + " " + (reason == null ? "" : reason) + hint + "\n";
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        return ByteBuffer.wrap(text(status).getBytes(UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text(code).getBytes(UTF_8));
    }
}
