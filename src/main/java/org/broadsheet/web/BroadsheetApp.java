package org.broadsheet.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.search.BadQueryException;
import org.broadsheet.search.SearchBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The web server: the JSON API under {@code /api} and the front end from {@code web/} at {@code /}. */
public final class BroadsheetApp {
  private static final Logger LOG = LoggerFactory.getLogger(BroadsheetApp.class);
  /**
   * No inline script or style, nothing from other origins: even if text from an article
   * reached the page as markup, the browser would not run it.
   */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  /**
   * Largest request line plus headers, in bytes. A query may be 2,000 characters
   * ({@code SearchRequest.MAX_QUERY_LENGTH}); percent-encoded non-Latin text takes up to 9
   * bytes a character, so 32 KB admits every valid query with its filters and a browser's
   * headers, and answers anything longer with a 414/431 before it is read further.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;
  /**
   * A connection that sends nothing for this long is closed: long enough for a browser's
   * keep-alive between searches, short enough that idle or trickling (slowloris) clients
   * cannot hold the server's connections for long.
   */
  static final long IDLE_TIMEOUT_MS = 30_000;

  private final Javalin app;
  private final HostCheck hosts;

  public BroadsheetApp(Broadsheet archive, Path webRoot) {
    this(archive, webRoot, List.of());
  }

  /** @param allowedHosts host names, besides localhost and IP addresses, that requests may name in {@code Host} */
  public BroadsheetApp(Broadsheet archive, Path webRoot, List<String> allowedHosts) {
    SearchController api = new SearchController(archive);
    this.hosts = new HostCheck(allowedHosts);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.jetty.modifyHttpConfiguration(http -> {
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setIdleTimeout(IDLE_TIMEOUT_MS);
        http.setSendServerVersion(false);
      });
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS));
        for (var connector : server.getConnectors()) {
          if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
            c.setIdleTimeout(IDLE_TIMEOUT_MS);
          }
        }
      });
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = webRoot.toAbsolutePath().toString();
        files.location = Location.EXTERNAL;
        files.headers = SECURITY_HEADERS;
      });
      config.routes.apiBuilder(() -> {
        before(this::checkHost);
        before(BroadsheetApp::securityHeaders);
        path("api", () -> {
          get("search", api::search);
          get("articles/<id>", api::article);
          get("facets/{dim}", api::facets);
        });
      });
      config.routes.exception(BadQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(SearchBusyException.class, (e, ctx) -> {
        ctx.header("Retry-After", "1");
        error(ctx, 503, e.getMessage());
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("request {} failed", ctx.path(), e);
        error(ctx, 500, "internal error; the server log has the details");
      });
      config.routes.error(404, ctx -> {
        if (ctx.path().startsWith("/api/") && (ctx.result() == null || ctx.result().isEmpty())) {
          error(ctx, 404, "no such endpoint: " + ctx.path());
        }
      });
    });
  }

  private void checkHost(Context ctx) {
    String host = ctx.header("Host");
    if (!hosts.allows(host)) {
      throw new io.javalin.http.ForbiddenResponse("this server does not answer to the host name '"
          + HostCheck.hostOf(host) + "'; to allow it, start the server with --allow-host " + HostCheck.hostOf(host));
    }
  }

  private static void securityHeaders(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("error", message == null ? "error" : message));
  }

  public Javalin javalin() {
    return app;
  }

  public BroadsheetApp start(String host, int port) {
    hosts.allow(host);
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
  }
}
