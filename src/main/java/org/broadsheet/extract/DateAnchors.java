package org.broadsheet.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The words that every match of a {@link DateResolver} pattern contains, found in one pass over the
 * text: month names (as the patterns write them, capitalised, "Sept" and "Jan" too, full names in
 * capitals), weekdays,
 * "yesterday", "today" and "tomorrow" in any case, and years (four digits, 19xx or 20xx, alone in
 * their run of digits). Words are runs of ASCII letters, as the patterns' {@code \b} sees them.
 */
final class DateAnchors {
  /** Characters a match may reach either side of its word: "since early" and spaces before, ", 1987" after. */
  static final int REACH = 60;

  private static final Set<String> MONTHS = Set.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
      "Sept", "Sep", "Oct", "Nov", "Dec", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
      "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");
  private static final Set<String> WEEKDAYS =
      Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  private static final Set<String> RELATIVE_DAYS = Set.of("yesterday", "today", "tomorrow");

  private final Words months = new Words();
  private final Words weekdays = new Words();
  private final Words relativeDays = new Words();
  private final Words years = new Words();

  private DateAnchors() {
  }

  static DateAnchors of(String text) {
    DateAnchors a = new DateAnchors();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isAsciiLetter(c)) {
        int start = i;
        while (i < n && isAsciiLetter(text.charAt(i))) {
          i++;
        }
        a.word(text, start, i);
      } else if (c >= '0' && c <= '9') {
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        if (i - start == 4 && (text.startsWith("19", start) || text.startsWith("20", start))) {
          a.years.add(start, i);
        }
      } else {
        i++;
      }
    }
    return a;
  }

  private void word(String text, int start, int end) {
    int length = end - start;
    if (length < 3 || length > 9) {
      return;
    }
    String w = text.substring(start, end);
    if (Character.isUpperCase(w.charAt(0))) {
      if (MONTHS.contains(w)) {
        months.add(start, end);
        return;
      }
      if (WEEKDAYS.contains(w)) {
        weekdays.add(start, end);
        return;
      }
    }
    if (length >= 5 && length <= 9 && RELATIVE_DAYS.contains(w.toLowerCase(Locale.ROOT))) {
      relativeDays.add(start, end);
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  Words months() {
    return months;
  }

  Words weekdays() {
    return weekdays;
  }

  Words relativeDays() {
    return relativeDays;
  }

  Words years() {
    return years;
  }

  /** Words found, in text order: their starts and ends. */
  static final class Words {
    private int[] bounds = new int[8];
    private int size;

    private void add(int start, int end) {
      if (2 * size + 2 > bounds.length) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[2 * size] = start;
      bounds[2 * size + 1] = end;
      size++;
    }

    int size() {
      return size;
    }

    int start(int i) {
      return bounds[2 * i];
    }

    int end(int i) {
      return bounds[2 * i + 1];
    }
  }
}
