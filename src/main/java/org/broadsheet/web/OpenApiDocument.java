package org.broadsheet.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/openapi.json}: the OpenAPI 3.1 description of the API, written by hand beside this
 * class ({@code openapi.json}) and kept true by {@code OpenApiTest}, which checks live answers
 * against it and every route against its paths.
 */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.json";
  private final byte[] document;
  private final String version;

  OpenApiDocument() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path beside " + OpenApiDocument.class);
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.version = Revalidation.sha256(new String(document, StandardCharsets.UTF_8));
  }

  /** Changes only with the document itself (a new build). */
  String version() {
    return version;
  }

  void serve(Context ctx) {
    ctx.contentType(ContentType.APPLICATION_JSON).result(document);
  }
}
