package org.broadsheet.ingest;

import java.time.Instant;
import java.util.Objects;

/** A publication time and where it was found. */
public record PublishedDate(Instant at, DateSource from) {
  public PublishedDate {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
  }
}
