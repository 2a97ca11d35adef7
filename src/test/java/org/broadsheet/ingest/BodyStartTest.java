package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the story begins: after the headline, byline and dateline the text repeats, and nowhere else. */
class BodyStartTest {
  @TempDir
  Path dir;

  /** The text from the body start on. */
  private static String body(String title, String text) {
    return text.substring(BodyStart.of(title, text));
  }

  @Test
  void skipsTheHeadlineAndAWireDatelineOnItsOwnLine() {
    String text = "Kelley Oil <Kly> Buying Oil Properties\n\nHOUSTON, June 18 -\n\nKelley Oil and Gas said it agreed.";
    assertEquals("Kelley Oil and Gas said it agreed.", body("Kelley Oil <Kly> Buying Oil Properties", text));
  }

  @Test
  void skipsADatelineThatRunsIntoTheFirstSentence() {
    String text = "Kelley Oil Buying Oil Properties\nHOUSTON, June 18 - Kelley Oil and Gas said it agreed.";
    assertEquals("Kelley Oil and Gas said it agreed.", body("Kelley Oil Buying Oil Properties", text));
    assertEquals("Officials met.", body("", "HARTFORD, Conn., March 4 - Officials met."));
    assertEquals("Officials met.", body("", "MISSISSAUGA, Ontario, March 5 -\nOfficials met."));
    assertEquals("Talks resumed.", body("Talks", "Talks\nGAZA (Reuters) — Talks resumed."));
    assertEquals("Talks resumed.", body("", "Geneva, 12 May 2024 -- Talks resumed."));
    assertEquals("Talks resumed.", body("", "NEW YORK, Feb 26 (AP) - Talks resumed."));
    assertEquals("Talks resumed.", body("", "OAKLAND , N.J., March 2 -\n\nTalks resumed."));
  }

  @Test
  void skipsAHeadlineWrappedOverLinesAndInAnotherCase() {
    String text = "UN agency warns\nof famine in Gaza\n\nThe agency said on Monday that aid was short.";
    assertEquals("The agency said on Monday that aid was short.", body("UN Agency Warns of Famine in Gaza", text));
  }

  @Test
  void skipsBylineAndDateLinesBetweenHeadlineAndStory() {
    String text = "Budget passes\nBy Jane Doe and John Roe, Reuters\nPublished: 12 May 2024\n"
        + "LONDON, May 12 - The budget passed.";
    assertEquals("The budget passed.", body("Budget passes", text));
  }

  @Test
  void aFirstLineThePageTitleBeginsWithIsTheHeadline() {
    String text = "Kelley Oil buys oil properties\n\nThe company said it agreed.";
    assertEquals("The company said it agreed.", body("Kelley Oil buys oil properties | Example News", text));
  }

  @Test
  void leavesTheStoryAloneWhenNothingIsRepeated() {
    String story = "The company said on Tuesday it would buy the properties.\nIt gave no price.";
    assertEquals(0, BodyStart.of("Kelley Oil buys", story));
    // A sentence that happens to begin with the title's words is story, not headline.
    assertEquals(0, BodyStart.of("The company said", story));
    // "By Tuesday, ..." is not a byline; a place in title case with no date or agency is not a dateline.
    assertEquals(0, BodyStart.of("", "By Tuesday, the company said it would sell.\nMore."));
    assertEquals(0, BodyStart.of("", "Officials - some of them new - met.\nMore."));
    assertEquals(0, BodyStart.of("", "NOTE: figures are in millions."));
  }

  @Test
  void aTextThatIsOnlyAHeadlineIsAllBody() {
    assertEquals(0, BodyStart.of("Markets close higher", "Markets close higher\n"));
    assertEquals(0, BodyStart.of("Markets", "Markets\nLONDON, May 12 -"));
  }

  @Test
  void aLongRunWithoutLineBreaksIsReadQuickly() {
    String text = "A".repeat(200_000) + " - " + "B".repeat(200_000);
    assertEquals(0, BodyStart.of("", text));
    String caps = ("NEW YORK ").repeat(100_000);
    assertTrue(BodyStart.of(caps.strip(), caps) >= 0);
  }

  @Test
  void theParserKeepsTheBodyStartOfWireHtmlAndLeavesTheTextAlone() throws Exception {
    Path page = dir.resolve("reuters-1.html");
    Files.writeString(page, """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Painewebber Group &lt;Pwj&gt; To Redeem Debentures</title>
        <meta property="article:published_time" content="1987-02-26T17:34:52Z">
        </head><body><article>
        <h1>Painewebber Group &lt;Pwj&gt; To Redeem Debentures</h1>
        <p class="dateline">NEW YORK, Feb 26 -</p>
        <p>Painewebber Group Inc said it will
        redeem all its outstanding debentures due 2008.</p>
        </article></body></html>
        """);
    try (ArticleParser parser = new ArticleParser(new ParserLimits(1 << 20, 100_000, Duration.ofSeconds(30)))) {
      Article a = parser.parse(page);
      assertTrue(a.text().startsWith("Painewebber Group <Pwj> To Redeem Debentures"), a.text());
      assertTrue(a.text().substring(a.bodyStart()).startsWith("Painewebber Group Inc said it will"), a.text());
    }
  }
}
