package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineBreaksTest {

  @Test
  void aLineEndThatWrapsProseIsASpace() {
    String text = "Texas Commerce Bancshares Inc's Texas\nCommerce Bank-Houston said it filed an application with the\n"
        + "Comptroller of the Currency.";
    String out = LineBreaks.forRecognition(text);
    assertEquals(text.length(), out.length());
    assertEquals(' ', out.charAt(text.indexOf("\nCommerce")));
    assertEquals(' ', out.charAt(text.indexOf("\nComptroller")));
  }

  @Test
  void tablesHeadingsAndListsKeepTheirLineEnds() {
    String table = "National League\nSan Diego 3 New York 2\nChicago 4 Houston 3\n";
    assertEquals(table, LineBreaks.forRecognition(table));
    String list = "66 Neal Lancaster, Dave Barr (Canada), Mike Sullivan, Willie\nWood, Loren Roberts, Steve Stricker\n";
    assertEquals(list, LineBreaks.forRecognition(list));
    String schedule = "France at Japan\nSpain at Belgium\n";
    assertEquals(schedule, LineBreaks.forRecognition(schedule));
  }

  @Test
  void aSentenceEndAndAParagraphEndStay() {
    String text = "The minister of finance said the plan was approved.\nOfficials of the central bank agreed with him.\n\n"
        + "Next paragraph starts here with more words in it";
    assertEquals(text, LineBreaks.forRecognition(text));
  }

  @Test
  void windowsLineEndsWrapToo() {
    String text = "the committee of the bank said it would consider\r\nthe proposal of the government next week";
    String out = LineBreaks.forRecognition(text);
    assertEquals(text.replace("\r\n", "  "), out);
  }
}
