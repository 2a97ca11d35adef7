package org.broadsheet.extract;

/**
 * Which line ends of a text end a sentence for the recogniser. A line end is a boundary (no name
 * runs across it) unless it only wraps prose: a heading, a table row or a list of names ends
 * where its line ends ("National League\nSan Diego 3 New York 2", "Mike Sullivan, Willie\nWood,
 * Loren Roberts"), while "Texas Commerce Bancshares Inc's Texas\nCommerce Bank said it filed ..."
 * is one sentence hard-wrapped.
 *
 * <p>{@link #forRecognition} returns a copy of the text of the same length in which each wrapping
 * line end is a space, so that the recogniser, told that every remaining line end ends a sentence,
 * sees wrapped prose whole and every other line alone, and its offsets still point into the text.
 * Linear in the text's length.
 */
final class LineBreaks {

  /**
   * The share of words starting with a lower-case letter from which two lines read as prose:
   * running text is mostly lower-case words ("said it filed an application with the"), headings,
   * tables and lists of names are mostly capitalised words and numbers.
   */
  static final double PROSE_LOWER_CASE_SHARE = 0.4;

  /**
   * A line shorter than this is not wrapped: wrapping fills a line to near its width (60 to 80
   * characters in wire copy and e-mail), so a short line is a heading or a row ("France at Japan").
   */
  static final int MIN_WRAPPED_LINE = 30;

  /** Fewer words than this in the two lines together say too little: the line end stays a boundary. */
  static final int MIN_WORDS = 4;

  private LineBreaks() {
  }

  /** The text with every line end that wraps prose replaced by a space; the same length. */
  static String forRecognition(String text) {
    char[] out = null;
    int lineStart = 0;
    int prevWords = -1;
    int prevLower = 0;
    int prevLength = 0;
    int prevEnd = -1; // offset of the '\n' that ended the previous line, when it was not blank
    boolean prevEndsSentence = true;
    int n = text.length();
    while (lineStart <= n) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      int words = 0;
      int lower = 0;
      boolean inWord = false;
      int lastVisible = -1;
      for (int i = lineStart; i < lineEnd; i++) {
        char c = text.charAt(i);
        if (Character.isLetter(c)) {
          if (!inWord) {
            words++;
            if (Character.isLowerCase(c)) {
              lower++;
            }
          }
          inWord = true;
        } else {
          inWord = Character.isDigit(c) || c == '\'' || c == '’' || c == '-' ? inWord : false;
        }
        if (!Character.isWhitespace(c)) {
          lastVisible = i;
        }
      }
      boolean blank = lastVisible < 0;
      if (!blank && prevEnd >= 0 && !prevEndsSentence && prevLength >= MIN_WRAPPED_LINE && prevWords + words >= MIN_WORDS
          && (prevLower + lower) >= PROSE_LOWER_CASE_SHARE * (prevWords + words)) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[prevEnd] = ' ';
        if (prevEnd > 0 && out[prevEnd - 1] == '\r') {
          out[prevEnd - 1] = ' ';
        }
      }
      if (blank) {
        prevEnd = -1;
      } else {
        prevEnd = nl;
        prevWords = words;
        prevLength = lastVisible + 1 - lineStart;
        prevLower = lower;
        prevEndsSentence = ".!?:;\"”".indexOf(text.charAt(lastVisible)) >= 0;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return out == null ? text : new String(out);
  }
}
