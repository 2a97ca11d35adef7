package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to one OpenSearch cluster, with the JDK's client and Jackson: no client library,
 * as the few APIs used (index admin, bulk, search, get) are plain JSON. A 429 (the cluster is
 * pushing back) or a 503 is retried after a growing pause; other errors become an
 * {@link OpenSearchException} carrying OpenSearch's own reason.
 */
public final class OpenSearchClient implements AutoCloseable {
  /** Retries of a 429/503: with pauses of 0.2, 0.4, ... 6.4 s, about 13 s in all before giving up. */
  private static final int RETRIES = 6;
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  /** Long enough for a bulk request of a few megabytes on a busy cluster. */
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final OpenSearchTarget target;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public OpenSearchClient(OpenSearchTarget target) {
    this.target = target;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public OpenSearchTarget target() {
    return target;
  }

  public ObjectMapper json() {
    return json;
  }

  /** Sends a JSON body (or none) and reads the JSON answer. */
  public JsonNode send(String method, String path, JsonNode body) throws IOException {
    return send(method, path, body == null ? null : json.writeValueAsString(body), "application/json");
  }

  /** Sends newline-delimited JSON (the bulk API). */
  public JsonNode sendNdjson(String path, String ndjson) throws IOException {
    return send("POST", path, ndjson, "application/x-ndjson");
  }

  /** True when the path answers 200, false when 404 (a HEAD request: does the index exist?). */
  public boolean exists(String path) throws IOException {
    HttpResponse<String> r = exchange("HEAD", path, null, "application/json");
    if (r.statusCode() == 404) {
      return false;
    }
    if (r.statusCode() >= 300) {
      throw error(r);
    }
    return true;
  }

  private JsonNode send(String method, String path, String body, String contentType) throws IOException {
    HttpResponse<String> r = exchange(method, path, body, contentType);
    if (r.statusCode() >= 300) {
      throw error(r);
    }
    return r.body() == null || r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
  }

  private HttpResponse<String> exchange(String method, String path, String body, String contentType)
      throws IOException {
    URI uri = target.cluster().resolve(path.startsWith("/") ? path.substring(1) : path);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType)
        .header("Accept", "application/json");
    if (target.authorization() != null) {
      b.header("Authorization", target.authorization());
    }
    HttpRequest request = b.build();
    Duration pause = FIRST_PAUSE;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted talking to OpenSearch at " + target.location());
      } catch (java.net.ConnectException e) {
        throw new java.net.ConnectException("cannot reach OpenSearch at " + target.cluster() + " (" + e.getMessage()
            + "); is the cluster up?");
      }
      if ((r.statusCode() != 429 && r.statusCode() != 503) || attempt == RETRIES) {
        return r;
      }
      sleep(pause);
      pause = pause.multipliedBy(2);
    }
  }

  /** Waits before a retry; the cluster asked for it. */
  static void sleep(Duration pause) throws java.io.InterruptedIOException {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while OpenSearch pushed back");
    }
  }

  private OpenSearchException error(HttpResponse<String> r) {
    String type = "";
    String reason = r.body();
    try {
      JsonNode e = json.readTree(r.body()).path("error");
      if (e.isObject()) {
        JsonNode root = e.path("root_cause").path(0);
        JsonNode cause = root.isMissingNode() ? e : root;
        type = cause.path("type").asText("");
        reason = cause.path("reason").asText(reason);
      } else if (e.isTextual()) {
        reason = e.asText();
      }
    } catch (IOException | RuntimeException notJson) {
      // the body as it is
    }
    String shown = reason == null || reason.isEmpty() ? "no details" : reason;
    return new OpenSearchException(r.statusCode(), type, "OpenSearch at " + target.location() + " answered "
        + r.statusCode() + (type.isEmpty() ? "" : " " + type) + ": " + shown);
  }

  @Override
  public void close() {
    http.close();
  }
}
