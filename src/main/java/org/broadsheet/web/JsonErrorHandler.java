package org.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.broadsheet.Json;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty raises before a request reaches Javalin (an ambiguous or traversing
 * path such as {@code /%2e%2e/pom.xml}, a request line or headers over the size limit, a
 * malformed request) answered like every other error of the API: {@code {"error": ...}}
 * with the security headers, instead of Jetty's HTML page. The message is Jetty's reason
 * (e.g. "Ambiguous URI path segment"), never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final Map<String, String> headers;

  JsonErrorHandler(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code = response.getStatus();
    String message = (String) request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      code = http.getCode();
      response.setStatus(code);
      message = message != null ? message : http.getReason();
    }
    if (code == HttpStatus.BAD_REQUEST_400 && (message == null || message.equals("Bad Request"))) {
      // Jetty refuses these before routing and often without a reason (the request may not
      // even have a usable URI); nearly always it is one of these path forms.
      message = "bad request path: '..', encoded '.', '/' or '\\', and control characters are not allowed";
    }
    HttpFields.Mutable fields = response.getHeaders();
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty closes the connection after an error it raised itself; saying so keeps clients
    // from sending their next request down a connection that is about to close.
    fields.put(HttpHeader.CONNECTION, "close");
    headers.forEach(fields::put);
    if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    return true;
  }

  static byte[] body(int code, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      return Json.mapper().writeValueAsBytes(Map.of("error", text));
    } catch (JsonProcessingException e) {
      return "{\"error\":\"bad request\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
