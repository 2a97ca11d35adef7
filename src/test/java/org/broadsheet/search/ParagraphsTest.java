package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hard-wrapped lines become one paragraph; blank lines, indents, tables and lists keep their breaks. */
class ParagraphsTest {
  /** Each paragraph's text, its line breaks shown as the page shows them: one space. */
  private static List<String> paragraphs(String text, int bodyStart) {
    return Paragraphs.of(text, bodyStart).stream()
        .map(p -> text.substring(p.start(), p.end()).replaceAll("\\s*\\n\\s*", " "))
        .toList();
  }

  private static List<String> paragraphs(String text) {
    return paragraphs(text, 0);
  }

  @Test
  void hardWrappedLinesAreJoinedAndBlankLinesKept() {
    String text = """
        Painewebber Group <Pwj> To Redeem Debentures

        NEW YORK, Feb 26 -

        Painewebber Group Inc said it will
        redeem all its outstanding 8-1/4 pct convertible subordinated
        debentures due 2008.

        It said it will redeem all the debentures for 1,060.50 dlrs
        plus accrued interest to the redemption date of March 30. The
        notes can be converted into common stock at a price of 42.35
        dlrs per share.
        """;
    assertEquals(List.of(
        "Painewebber Group <Pwj> To Redeem Debentures",
        "NEW YORK, Feb 26 -",
        "Painewebber Group Inc said it will redeem all its outstanding 8-1/4 pct convertible subordinated "
            + "debentures due 2008.",
        "It said it will redeem all the debentures for 1,060.50 dlrs plus accrued interest to the redemption "
            + "date of March 30. The notes can be converted into common stock at a price of 42.35 dlrs per share."),
        paragraphs(text));
  }

  @Test
  void indentedLinesStartWireParagraphsAndTableRowsStayApart() {
    // Reuters' plain text: no blank lines, paragraphs indented, a results table of short indented rows.
    String text = """
        Shr 55 cts vs 24 cts
            Net 1.9 mln vs 800,000
            Revs 17.6 mln vs 12.8 mln
            The company said results in the latest quarter reflected higher
        sales of its signs to retailers in Ontario and Quebec, and that it
        expects the trend to continue through the year.
            Shareholders will meet on April 2.
        """;
    assertEquals(List.of(
        "Shr 55 cts vs 24 cts",
        "Net 1.9 mln vs 800,000",
        "Revs 17.6 mln vs 12.8 mln",
        "The company said results in the latest quarter reflected higher sales of its signs to retailers in "
            + "Ontario and Quebec, and that it expects the trend to continue through the year.",
        "Shareholders will meet on April 2."), paragraphs(text));
  }

  @Test
  void aSentenceRunningOnFromTheDatelineIntoATableIsOneParagraph() {
    // The dateline runs into the first sentence, which wraps once and introduces a results table.
    String text = """
        Premier League results

        MANCHESTER, April 20, 2024 (Wire) - Results of Premier League
        matches played on Saturday, with home team first:
        Arsenal      3  Chelsea      1
        Everton      0  Liverpool    2
        The leaders now have a four-point lead over their nearest rivals
        with five matches of the season left to play, and the title race
        looks all but settled after a week of upsets further down.
        """;
    int bodyStart = text.indexOf("Results of");
    assertEquals(List.of(
        "Premier League results",
        "MANCHESTER, April 20, 2024 (Wire) -",
        "Results of Premier League matches played on Saturday, with home team first:",
        "Arsenal      3  Chelsea      1",
        "Everton      0  Liverpool    2",
        "The leaders now have a four-point lead over their nearest rivals with five matches of the season left "
            + "to play, and the title race looks all but settled after a week of upsets further down."),
        paragraphs(text, bodyStart));
  }

  @Test
  void aTableOfAlignedColumnsIsNeverJoined() {
    String text = """
        The company reported the following results for the year, which
        it said were in line with the forecasts it gave in October:

                       1986        1985
        Revenue        17.6        12.8
        Net             1.9         0.8
        Shares outstanding 10.6 mln at year end, against 9.8 mln a year
        earlier, after the rights issue.
        """;
    List<String> p = paragraphs(text);
    assertTrue(p.contains("1986        1985"), p.toString());
    assertTrue(p.contains("Revenue        17.6        12.8"), p.toString());
    assertTrue(p.contains("Net             1.9         0.8"), p.toString());
    assertTrue(p.get(0).endsWith("forecasts it gave in October:"), p.toString());
  }

  @Test
  void shortUnindentedRowsAfterProseAreNotJoinedToIt() {
    String text = """
        Kelley Oil and Gas Corp said its board approved the purchase of the
        properties, and gave these figures for the first quarter:
        Oper shr profit seven cts
        Oper net profit 1.2 mln
        Revs 5.6 mln
        """;
    List<String> p = paragraphs(text);
    assertEquals(List.of("Kelley Oil and Gas Corp said its board approved the purchase of the properties, and "
        + "gave these figures for the first quarter:", "Oper shr profit seven cts", "Oper net profit 1.2 mln",
        "Revs 5.6 mln"), p);
  }

  @Test
  void listItemsAreParagraphs() {
    String text = """
        The ministers agreed on three points at the meeting in Geneva on
        Monday, officials said:
        - a ceasefire from Friday, to be watched by observers from the UN;
        - the release of prisoners held by both sides since the war;
        1. talks on borders in May.
        """;
    List<String> p = paragraphs(text);
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).endsWith("Monday, officials said:"), p.toString());
    assertEquals("1. talks on borders in May.", p.get(3));
  }

  @Test
  void theStoryStartsAParagraphEvenInsideALine() {
    String text = "Kelley Oil Buys\nHOUSTON, June 18 - Kelley Oil and Gas said it agreed to buy oil and gas\n"
        + "properties in Texas for 12 mln dlrs from a private company.";
    int bodyStart = text.indexOf("Kelley Oil and Gas");
    assertEquals(List.of("Kelley Oil Buys", "HOUSTON, June 18 -",
        "Kelley Oil and Gas said it agreed to buy oil and gas properties in Texas for 12 mln dlrs from a "
            + "private company."), paragraphs(text, bodyStart));
  }

  @Test
  void offsetsPointIntoTheTextUnchanged() {
    String text = "  Indented first line of a story that goes on\nand on for a while.\r\n\r\nSecond.  ";
    List<ArticleView.Paragraph> ps = Paragraphs.of(text, 0);
    assertEquals(2, ps.size());
    assertEquals("Indented first line of a story that goes on\nand on for a while.",
        text.substring(ps.get(0).start(), ps.get(0).end()));
    assertEquals("Second.", text.substring(ps.get(1).start(), ps.get(1).end()));
    assertEquals(List.of(), Paragraphs.of("", 0));
    assertEquals(List.of(), Paragraphs.of(" \n\n \n", 0));
  }

  @Test
  void unwrappedLinesAreEachAParagraph() {
    // HTML text: each paragraph one long line, a blank line between; and short lines alone.
    String text = "A long paragraph " + "that runs on ".repeat(40) + "\n\nAnother one.\nAnd a line.";
    assertEquals(3, paragraphs(text).size());
  }
}
