package org.broadsheet.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the top of the text says when the file's metadata is silent: the headline (the first
 * line), the byline ("By Jane Doe") and the news agency ("(Reuters) -"). The patterns see only
 * the first {@link #HEAD_CHARS} characters and have bounded quantifiers.
 */
final class TextFallbacks {
  /** The top of the story, where bylines and datelines are. */
  static final int HEAD_CHARS = 1_000;
  /** Longest title kept; a "first line" longer than this is a paragraph, cut. */
  static final int MAX_TITLE_CHARS = 300;
  private static final Pattern BYLINE_LINE =
      Pattern.compile("^[ \\t]{0,20}By\\s{1,3}([\\p{Lu}][^\\n]{2,80})$", Pattern.MULTILINE);
  private static final Pattern AGENCY =
      Pattern.compile("^[^\\n]{0,80}?\\(([\\p{Lu}][\\p{L} .&]{1,30})\\)\\s{0,3}[-–—]", Pattern.MULTILINE);

  private TextFallbacks() {
  }

  /** The first non-blank line, stripped; empty when there is none. */
  static String firstLine(String text) {
    int from = 0;
    while (from < text.length()) {
      int end = from;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(from, Math.min(end, from + 4 * MAX_TITLE_CHARS)).strip();
      if (!line.isEmpty()) {
        return line;
      }
      from = end + 1;
    }
    return "";
  }

  /** A title on one line, whitespace collapsed, at most {@link #MAX_TITLE_CHARS} characters; never null. */
  static String cleanTitle(String title) {
    if (title == null) {
      return "";
    }
    String t = title.length() > 4 * MAX_TITLE_CHARS ? title.substring(0, 4 * MAX_TITLE_CHARS) : title;
    t = t.replaceAll("\\s+", " ").strip();
    return t.length() > MAX_TITLE_CHARS ? t.substring(0, MAX_TITLE_CHARS) : t;
  }

  /** "Jane Doe" from a line "By Jane Doe" at the top, or null. */
  static String byline(String text) {
    return group(BYLINE_LINE, text);
  }

  /** "Reuters" from "WASHINGTON (Reuters) -" at the top, or null. */
  static String agency(String text) {
    return group(AGENCY, text);
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text);
    return m.find() ? m.group(1).strip() : null;
  }
}
