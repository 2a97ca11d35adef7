package org.broadsheet.search;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A published-date drill-down path as the facet labels it: {@code 2024}, {@code 2024/05} or
 * {@code 2024/05/12}. People write {@code 2024/5} or {@code 2024-5-12}; both mean the same path.
 */
public final class PublishedPath {
  private static final String FORMS = "'published' must be YYYY, YYYY/MM or YYYY/MM/DD";

  private PublishedPath() {
  }

  /** The path in the facet's form, null for none. @throws BadQueryException for anything but a real date */
  static String normalize(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.strip().split("[/-]", -1);
    if (parts.length > 3 || !parts[0].matches("\\d{4}")) {
      throw new BadQueryException(FORMS + ", not '" + value + "'");
    }
    int[] ymd = {Integer.parseInt(parts[0]), 1, 1};
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].matches("\\d{1,2}")) {
        throw new BadQueryException(FORMS + ", not '" + value + "'");
      }
      ymd[i] = Integer.parseInt(parts[i]);
    }
    try {
      LocalDate.of(ymd[0], ymd[1], ymd[2]); // refuses month 13 and 30 February
    } catch (DateTimeException e) {
      throw new BadQueryException("'published' is not a date: '" + value + "'");
    }
    return switch (parts.length) {
      case 1 -> parts[0];
      case 2 -> "%s/%02d".formatted(parts[0], ymd[1]);
      default -> "%s/%02d/%02d".formatted(parts[0], ymd[1], ymd[2]);
    };
  }

  /** The first millisecond (UTC) of a normalized path's period: the path is the published time's UTC date. */
  public static long start(String normalized) {
    return DateRange.start(normalized.replace('/', '-'), "published");
  }

  /** The last millisecond (UTC) of a normalized path's period. */
  public static long end(String normalized) {
    return DateRange.end(normalized.replace('/', '-'), "published");
  }

  /** A normalized path's parts, empty for none. */
  public static String[] split(String normalized) {
    return normalized == null ? new String[0] : normalized.split("/");
  }
}
