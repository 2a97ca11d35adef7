package org.broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Conditional GET for answers that change only when their source does: the ETag is a hash of the
 * source's version and the request (path and query), {@code If-None-Match} with it is answered 304
 * without computing anything, and {@code Cache-Control: no-cache} makes caches ask each time.
 *
 * <p>The version is read before the answer is computed, so an answer is never labelled with a
 * version newer than the one it came from (at worst it is labelled older, and sent again once).
 * The tag is weak: answers of one version are equivalent, not byte-identical ({@code tookMs}).
 */
final class Revalidation {
  /** The version of what answers are computed from, e.g. the index commit. */
  @FunctionalInterface
  interface Version {
    String current() throws IOException;
  }

  private final Version version;

  Revalidation(Version version) {
    this.version = version;
  }

  /** The handler, answering 304 when the client's copy is current and labelling a fresh 200 answer. */
  Handler of(Handler handler) {
    return ctx -> {
      String etag = etag(version.current(), ctx);
      if (matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
        ctx.header(Header.ETAG, etag).header(Header.CACHE_CONTROL, "no-cache").status(HttpStatus.NOT_MODIFIED);
        return;
      }
      handler.handle(ctx);
      if (ctx.status() == HttpStatus.OK) {
        ctx.header(Header.ETAG, etag).header(Header.CACHE_CONTROL, "no-cache");
      }
    };
  }

  static String etag(String version, Context ctx) {
    String query = ctx.queryString();
    String request = ctx.path() + (query == null ? "" : "?" + query);
    return "W/\"" + sha256(version + "\n" + request) + "\"";
  }

  /** True when an {@code If-None-Match} list names this tag (weak comparison, as RFC 9110 asks for GET). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = strip(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      if (strip(candidate.strip()).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
