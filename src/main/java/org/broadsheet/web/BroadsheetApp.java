package org.broadsheet.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.path;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.Broadsheet;
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
   * The front end's files have no version in their names, so a browser asks each time whether
   * its copy is current (a 304 from Last-Modified/ETag when it is): a new build is seen at once.
   */
  static final Map<String, String> STATIC_HEADERS = withHeader(SECURITY_HEADERS, Header.CACHE_CONTROL, "no-cache");

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
    this(archive, webRoot, allowedHosts, true);
  }

  /**
   * @param allowedHosts host names, besides localhost and IP addresses, that requests may name in {@code Host}
   * @param showPaths    whether answers show articles' absolute file paths: true for a server that
   *                     listens on this machine only, false for one other machines reach ({@link PathPolicy})
   */
  public BroadsheetApp(Broadsheet archive, Path webRoot, List<String> allowedHosts, boolean showPaths) {
    SearchController api = new SearchController(archive, PathPolicy.mapper(showPaths));
    EntityController entities = new EntityController(archive);
    HealthController health = new HealthController(archive);
    OpenApiDocument openApi = new OpenApiDocument();
    // Answers depend on the index commit, and on whether they show paths.
    Revalidation byIndex = new Revalidation(() -> archive.indexState().version() + (showPaths ? "+paths" : ""));
    Revalidation byDocument = new Revalidation(openApi::version);
    this.hosts = new HostCheck(allowedHosts);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(PathPolicy.mapper(showPaths), false));
      config.http.prefer405over404 = true;
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
        files.headers = STATIC_HEADERS;
      });
      // The world outline the build made from Natural Earth (WorldOutline): in the jar, served as it is.
      config.staticFiles.add(files -> {
        files.hostedPath = "/geo";
        files.directory = "/org/broadsheet/web/geo";
        files.location = Location.CLASSPATH;
        files.headers = STATIC_HEADERS;
      });
      config.routes.apiBuilder(() -> {
        before(this::checkHost);
        before(BroadsheetApp::securityHeaders);
        path("api", () -> {
          before(ctx -> ctx.header(Header.CACHE_CONTROL, "no-store")); // answers that revalidate say so
          get("search", byIndex.of(api::search));
          get("articles/{id}/original", api::original); // before articles/<id>, which would take it
          get("articles/<id>", byIndex.of(api::article));
          get("facets/{dim}", byIndex.of(api::facets));
          get("suggest", byIndex.of(api::suggest));
          get("export", api::export);
          get("feed", byIndex.of(api::feed));
          get("entities/{dim}/<value>", byIndex.of(entities::entity));
          get("dimensions", ctx -> ctx.json(Dimensions.ARCHIVE));
          get("health", health::health);
          head("health", health::health); // else Javalin answers HEAD with 200 without asking
          get("openapi.json", byDocument.of(openApi::serve));
        });
      });
      config.routes.exception(BadQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(SearchBusyException.class, (e, ctx) -> {
        ctx.header("Retry-After", "1");
        error(ctx, 503, e.getMessage());
      });
      config.routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
        String allow = String.join(", ", allowedMethods(e));
        ctx.header(Header.ALLOW, allow);
        error(ctx, 405, ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allow);
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
      // What an archive's engine cannot do says so (no engine throws it today).
      config.routes.exception(UnsupportedOperationException.class, (e, ctx) -> error(ctx, 501, e.getMessage()));
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

  /**
   * The methods Javalin found routes for on the path (in the 405's details), with HEAD wherever
   * GET is, since Javalin answers HEAD for every GET route.
   */
  private static Set<String> allowedMethods(MethodNotAllowedResponse e) {
    Set<String> methods = new LinkedHashSet<>();
    for (String listed : e.getDetails().values()) {
      Arrays.stream(listed.split(",")).map(String::strip).filter(m -> !m.isEmpty()).forEach(methods::add);
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return methods;
  }

  private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
    Map<String, String> all = new HashMap<>(headers);
    all.put(name, value);
    return Map.copyOf(all);
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
