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
 * Finds an article's publication time: from a metadata value, a dateline, or a date in
 * the file name, in that order of trust. Never from the file's modification time, which
 * says when a copy was made, not when the story ran.
 */
public final class PublishedDates {
  private static final String MONTHS =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  /** "WASHINGTON, May 12, 2024 (Reuters) -" or "May 12, 2024" in the first lines: a dateline with a year. */
  private static final Pattern DATELINE = Pattern.compile(
      "(?:^|\\n)[^\\n]{0,80}?\\b" + MONTHS + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
  /** "12 May 2024" */
  private static final Pattern DATELINE_DMY = Pattern.compile(
      "(?:^|\\n)[^\\n]{0,80}?\\b(\\d{1,2})\\s+" + MONTHS + ",?\\s+(\\d{4})\\b");
  private static final Pattern ISO_IN_TEXT = Pattern.compile("(?:^|\\n)[^\\n]{0,80}?\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b");
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

  /** A date with a year in a dateline near the start of the text, or null. */
  public static Instant fromDateline(String text) {
    String head = text.length() > 600 ? text.substring(0, 600) : text;
    Matcher m = DATELINE.matcher(head);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = DATELINE_DMY.matcher(head);
    if (m.find()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = ISO_IN_TEXT.matcher(head);
    return m.find() ? date(m.group(1), m.group(2), m.group(3)) : null;
  }

  /** A date in the file name such as {@code 2024-05-12-rafah.txt}, or null. */
  public static Instant fromFileName(String fileName) {
    Matcher m = FILE_NAME.matcher(fileName);
    return m.find() ? date(m.group(1), m.group(2), m.group(3)) : null;
  }

  private static String month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return Integer.toString(i + 1);
      }
    }
    throw new IllegalArgumentException(name);
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
