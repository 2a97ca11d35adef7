package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeadlinesTest {

  @Test
  void aHeadlineTakesTheCaseItsStoryGivesEachWord() {
    String text = "Reagan Blasts Democrats On Trade\n\nPresident Reagan said on Tuesday that he blasts the bill, "
        + "and Democrats said the trade deal was wrong.\n";
    String out = Headlines.forRecognition(text);
    assertEquals(text.length(), out.length());
    assertEquals("Reagan blasts Democrats on trade", out.substring(0, out.indexOf('\n')));
    assertEquals(text.substring(text.indexOf('\n')), out.substring(out.indexOf('\n')));
  }

  @Test
  void capitalsAreRecasedAndUnknownWordsLeftAlone() {
    String text = "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .\nThe coach said Alan Shearer was named captain of "
        + "the England team.\n";
    String out = Headlines.forRecognition(text);
    assertEquals("SOCCER - Shearer named AS England captain .", out.substring(0, out.indexOf('\n')));
  }

  @Test
  void proseAndTablesAreNoHeadlines() {
    String text = "The minister said the plan was approved.\nCHICAGO 72 64\n";
    assertEquals(text, Headlines.forRecognition(text));
  }
}
