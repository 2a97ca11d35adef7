package org.broadsheet.ingest;

import java.util.Locale;

/** Where an article's published date was found, most trusted first. */
public enum DateSource {
  /** The file's own metadata: HTML meta tags or JSON-LD, NITF/NewsML elements, PDF or Office properties, e-mail headers. */
  METADATA,
  /** The dateline position at the top of the text: "LONDON, 12 May 2024 -", a date alone on a line, "Published: ...". */
  DATELINE,
  /** A date such as {@code 2024-05-12} in the file name. */
  FILENAME;

  /** The lower-case name used in the index and in JSON: {@code metadata}, {@code dateline}, {@code filename}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source with this {@link #label()}, or null for null or an unknown label. */
  public static DateSource ofLabel(String label) {
    for (DateSource s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return null;
  }
}
