package org.broadsheet.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.broadsheet.search.BadQueryException;

/** The formats a whole result set is exported in, with their media types and file name extensions. */
public enum ExportFormat {
  CSV("text/csv; charset=utf-8", "csv"),
  JSONL("application/jsonl; charset=utf-8", "jsonl");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** @throws BadQueryException for anything but csv or jsonl */
  public static ExportFormat of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "csv" -> CSV;
      case "jsonl" -> JSONL;
      default -> throw new BadQueryException("'format' must be csv or jsonl, not '" + name + "'");
    };
  }

  /**
   * A writer of hits in this format onto {@code out}.
   *
   * @param mapper the JSON mapper hits are serialised with (JSON Lines), as the API's answers are
   */
  public HitWriter writer(OutputStream out, ObjectMapper mapper) throws IOException {
    return this == CSV ? new CsvHitWriter(out) : new JsonLinesHitWriter(out, mapper);
  }
}
