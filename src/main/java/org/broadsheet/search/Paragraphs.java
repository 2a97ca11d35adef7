package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.search.ArticleView.Paragraph;

/**
 * The paragraphs of an article's text, as offsets into it, so the text is shown reflowed while
 * entity offsets stay exact. Source files (wire copy above all) break lines at a fixed width; a
 * paragraph joins those lines again, and keeps every break that means something. A line starts a
 * new paragraph when:
 * <ol>
 *   <li>a blank line comes before it, or it is the first line;</li>
 *   <li>it is indented deeper than the shallowest line of its block (a wire paragraph's indent);</li>
 *   <li>it or the line before it is a table row: a tab, or a run of three spaces, inside the line
 *       ("Shr&nbsp;&nbsp;&nbsp;55 cts&nbsp;&nbsp;&nbsp;vs 24 cts");</li>
 *   <li>it begins with a list marker ("- ", "* ", "• ", "1. ", "2) ");</li>
 *   <li>the line before it is short: well within the text's wrap width (the longest line that another
 *       line follows), so its author ended it, unless it opens its paragraph and this line is long; a
 *       first line shortened by a dateline taken off it counts as long as the line it was wrapped in;</li>
 *   <li>it and the line after it are both short: rows of a table or list, which wrapped prose (one
 *       short line, its last) never has (a table row or list item after it starts a paragraph of its
 *       own and does not count);</li>
 *   <li>the story starts there ({@link org.broadsheet.index.Fields#BODY_START}): the headline and dateline are paragraphs
 *       of their own.</li>
 * </ol>
 * A text whose wrap width is under {@link #MIN_WRAP_WIDTH} is not wrapped prose (a table, a list, a
 * poem): each of its lines is a paragraph. Inside a paragraph, a line break and the indent after it
 * are shown as one space. One pass over the text.
 *
 * @see org.broadsheet.index.Fields#BODY_START
 */
public final class Paragraphs {
  /** Hard-wrapped prose is wrapped at 40 columns or more (wire copy at 60 to 80). */
  static final int MIN_WRAP_WIDTH = 40;
  /** A line shorter than this share of the wrap width (with the next word) was ended by its author. */
  static final double SHORT_LINE = 0.8;

  /** A line: its start, where its text starts (after the indent), its end (trailing space dropped). */
  private record Line(int start, int textStart, int end, int indent) {
    boolean blank() {
      return textStart >= end;
    }

    int length() {
      return end - start;
    }
  }

  private Paragraphs() {
  }

  /**
   * @param text      the article text
   * @param bodyStart where the story starts, a paragraph break; 0 for none
   */
  public static List<Paragraph> of(String text, int bodyStart) {
    List<Line> lines = lines(text, bodyStart);
    int width = wrapWidth(text, lines);
    List<Paragraph> out = new ArrayList<>();
    int blockStart = 0;
    while (blockStart < lines.size()) {
      if (lines.get(blockStart).blank()) {
        blockStart++;
        continue;
      }
      int blockEnd = blockStart;
      int base = Integer.MAX_VALUE;
      while (blockEnd < lines.size() && !lines.get(blockEnd).blank()) {
        base = Math.min(base, lines.get(blockEnd).indent());
        blockEnd++;
      }
      paragraphsOfBlock(text, lines.subList(blockStart, blockEnd), base, width, bodyStart, out);
      blockStart = blockEnd;
    }
    return out;
  }

  private static void paragraphsOfBlock(String text, List<Line> block, int base, int width, int bodyStart,
                                        List<Paragraph> out) {
    int first = 0;
    for (int i = 1; i < block.size(); i++) {
      Line next = i + 1 < block.size() ? block.get(i + 1) : null;
      if (breaksBefore(text, block.get(i - 1), block.get(i), next, i - 1 == first, base, width, bodyStart)) {
        out.add(new Paragraph(block.get(first).textStart(), block.get(i - 1).end()));
        first = i;
      }
    }
    out.add(new Paragraph(block.get(first).textStart(), block.get(block.size() - 1).end()));
  }

  private static boolean breaksBefore(String text, Line prev, Line line, Line next, boolean prevOpens, int base,
                                      int width, int bodyStart) {
    if (line.textStart() == bodyStart && bodyStart > 0) {
      return true;
    }
    if (width < MIN_WRAP_WIDTH || line.indent() > base || isTableRow(text, prev) || isTableRow(text, line)
        || startsListItem(text, line)) {
      return true;
    }
    // A line the body start split off a dateline is as long as the line it was wrapped in.
    int prevLength = prev.start() == bodyStart && bodyStart > 0
        ? prev.end() - (text.lastIndexOf('\n', bodyStart - 1) + 1)
        : prev.length();
    boolean prevShort = prevLength + 1 + firstWordLength(text, line) < SHORT_LINE * width;
    boolean lineShort = line.length() < SHORT_LINE * width;
    boolean nextShort = next != null && next.indent() <= base && !startsListItem(text, next)
        && !isTableRow(text, next)
        && next.length() < SHORT_LINE * width; // a line that starts a paragraph of its own does not count
    return prevShort && (!prevOpens || lineShort) || lineShort && nextShort;
  }

  /**
   * The text's lines, with the body start as a line start of its own when it falls inside a line
   * (a dateline that runs into the first sentence).
   */
  private static List<Line> lines(String text, int bodyStart) {
    List<Line> lines = new ArrayList<>();
    int from = 0;
    while (from <= text.length()) {
      int nl = text.indexOf('\n', from);
      int end = nl < 0 ? text.length() : nl;
      if (bodyStart > from && bodyStart < end) {
        lines.add(line(text, from, bodyStart));
        lines.add(line(text, bodyStart, end));
      } else {
        lines.add(line(text, from, end));
      }
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    return lines;
  }

  private static Line line(String text, int start, int end) {
    int textStart = start;
    int indent = 0;
    while (textStart < end && (text.charAt(textStart) == ' ' || text.charAt(textStart) == '\t'
        || text.charAt(textStart) == '\u00A0')) {
      indent += text.charAt(textStart) == '\t' ? 4 : 1;
      textStart++;
    }
    int e = end;
    while (e > textStart && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return new Line(start, textStart, e, indent);
  }

  /** The longest line that a non-blank line follows and that is not a table row; 0 when there is none. */
  private static int wrapWidth(String text, List<Line> lines) {
    int width = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      Line l = lines.get(i);
      if (!l.blank() && !lines.get(i + 1).blank() && !isTableRow(text, l)) {
        width = Math.max(width, l.length());
      }
    }
    return width;
  }

  /** A tab or three spaces inside the line's text: columns. */
  private static boolean isTableRow(String text, Line line) {
    int spaces = 0;
    for (int i = line.textStart(); i < line.end(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        return true;
      }
      spaces = c == ' ' || c == '\u00A0' ? spaces + 1 : 0;
      if (spaces >= 3) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsListItem(String text, Line line) {
    int i = line.textStart();
    if (i + 1 >= line.end()) {
      return false;
    }
    char c = text.charAt(i);
    if ("-*•–—·".indexOf(c) >= 0) {
      return text.charAt(i + 1) == ' ';
    }
    int digits = 0;
    while (i + digits < line.end() && Character.isDigit(text.charAt(i + digits)) && digits < 3) {
      digits++;
    }
    int after = i + digits;
    return digits > 0 && after + 1 < line.end() && (text.charAt(after) == '.' || text.charAt(after) == ')')
        && text.charAt(after + 1) == ' ';
  }

  private static int firstWordLength(String text, Line line) {
    int i = line.textStart();
    while (i < line.end() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i - line.textStart();
  }
}
