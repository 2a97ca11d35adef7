package org.broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import org.broadsheet.Broadsheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/health}: 200 with the article count while the index can be read, 503 when it cannot. */
final class HealthController {
  private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

  /** What a healthy server answers. */
  record Health(String status, int articles) {
  }

  private final Broadsheet archive;

  HealthController(Broadsheet archive) {
    this.archive = archive;
  }

  void health(Context ctx) {
    try {
      ctx.json(new Health("ok", archive.indexState().articles()));
    } catch (IOException | RuntimeException e) {
      // The reason may name server paths: it goes to the log, not to whoever asks.
      LOG.warn("health check: the index cannot be read: {}", e.toString());
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("error", "the index cannot be read; the server log has the details"));
    }
  }
}
