package org.broadsheet.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Turns the {@code from}/{@code to} parameters (YYYY, YYYY-MM or YYYY-MM-DD) into epoch-millisecond bounds. */
public final class DateRange {
  private DateRange() {
  }

  /** The first instant of the period {@code value} names. */
  public static long start(String value, String name) {
    return parse(value, name).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The last millisecond of the period {@code value} names: "to=2024" includes all of 2024. */
  public static long end(String value, String name) {
    String v = value.strip();
    LocalDate last = switch (v.length()) {
      case 4 -> parse(v, name).withDayOfYear(parse(v, name).lengthOfYear());
      case 7 -> YearMonth.from(parse(v, name)).atEndOfMonth();
      default -> parse(v, name);
    };
    return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
  }

  private static LocalDate parse(String value, String name) {
    String v = value.strip();
    try {
      return switch (v.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(v), 1, 1);
        case 7 -> YearMonth.parse(v).atDay(1);
        case 10 -> LocalDate.parse(v);
        default -> throw new DateTimeParseException("bad length", v, 0);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadQueryException("'" + name + "' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '" + value + "'");
    }
  }
}
