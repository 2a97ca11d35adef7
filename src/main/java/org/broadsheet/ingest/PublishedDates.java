package org.broadsheet.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a publication time from a metadata value or a file name. {@link PublishedDateFinder}
 * decides which source to trust; {@link Datelines} reads the text.
 */
public final class PublishedDates {
  /** 2024-05-12, 2024_05_12 or 20240512 in a file name, not inside a longer number. */
  private static final Pattern FILE_NAME = Pattern.compile(
      "(?<!\\d)((?:18|19|20)\\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\\d|3[01])(?!\\d)");

  private static final List<DateTimeFormatter> META_FORMATS = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      new DateTimeFormatterBuilder().parseCaseInsensitive()
          .appendPattern("[EEE, ]d MMM yyyy HH:mm[:ss] [Z][z]").toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive()
          .appendPattern("yyyyMMdd'T'HHmmss[Z][X]").toFormatter(Locale.ENGLISH));

  private PublishedDates() {
  }

  /** Parses a date or date-time as written in metadata; dates without a zone are taken as UTC. */
  public static Instant parseMetadata(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    for (DateTimeFormatter f : META_FORMATS) {
      try {
        return ZonedDateTime.parse(v, f).toInstant();
      } catch (DateTimeException ignored) {
        // try the next form
      }
    }
    Matcher m = FILE_NAME.matcher(v);
    return m.find() ? date(m.group(1), m.group(2), m.group(3)) : null;
  }

  /** A date in the file name such as {@code 2024-05-12-rafah.txt}, or null. */
  public static Instant fromFileName(String fileName) {
    Matcher m = FILE_NAME.matcher(fileName);
    return m.find() ? date(m.group(1), m.group(2), m.group(3)) : null;
  }

  private static Instant date(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d))
          .atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
