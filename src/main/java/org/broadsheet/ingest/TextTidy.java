package org.broadsheet.ingest;

/**
 * Tidies the text a parser produced, in one pass: line ends become "\n", whitespace at the
 * end of a line goes, no more than one blank line in a row, none at either end. Written as a
 * loop because the regex for "whitespace before a line end" is quadratic on a long run of
 * spaces without one.
 */
final class TextTidy {
  /** Characters between checks that the parse has not been abandoned. */
  private static final int CHECK_EVERY = 1 << 16;

  private TextTidy() {
  }

  static String tidy(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    int pendingSpace = -1; // start of horizontal whitespace not yet written: dropped if a line end follows
    int newlines = 0;
    for (int i = 0; i < text.length(); i++) {
      if ((i & (CHECK_EVERY - 1)) == 0) {
        ParseCancelled.check();
      }
      char c = text.charAt(i);
      if (c == '\n') {
        pendingSpace = -1;
        if (++newlines <= 2) {
          out.append('\n');
        }
      } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
        if (pendingSpace < 0) {
          pendingSpace = i;
        }
      } else {
        if (pendingSpace >= 0) {
          out.append(text, pendingSpace, i);
          pendingSpace = -1;
        }
        newlines = 0;
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
