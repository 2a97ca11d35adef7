package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A date counts as a dateline only in the dateline position: never from a sentence. */
class DatelinesTest {
  private static final LocalDate MAY_12 = LocalDate.of(2024, 5, 12);

  @Test
  void placeDateAndDash() {
    assertEquals(MAY_12, Datelines.find("Senate passes budget\n\nWASHINGTON, May 12, 2024 (Reuters) - The Senate passed."));
    assertEquals(MAY_12, Datelines.find("Talks resume\n\nLONDON, 12 May 2024 - Negotiators met again."));
    assertEquals(MAY_12, Datelines.find("Talks resume\nGENEVA, Switzerland, Sunday, May 12th, 2024 — Talks resumed."));
    assertEquals(MAY_12, Datelines.find("Talks resume\nZÜRICH, 12 May 2024: The mayor said."));
    assertEquals(MAY_12, Datelines.find("Talks resume\nLONDON, 2024-05-12 - The council met."));
  }

  @Test
  void aLineThatIsOnlyADate() {
    assertEquals(MAY_12, Datelines.find("Band announces tour\n12 May 2024\n\nThe band said."));
    assertEquals(MAY_12, Datelines.find("Band announces tour\nSunday 12 May 2024 14:05 BST\n\nThe band said."));
    assertEquals(MAY_12, Datelines.find("Band announces tour\n2024-05-12T09:30:00Z\n\nThe band said."));
    assertEquals(MAY_12, Datelines.find("Band announces tour\n  May 12, 2024  \n\nThe band said."));
  }

  @Test
  void publishedOrDateLineNearTheTop() {
    assertEquals(MAY_12, Datelines.find("Museum reopens\n\nPublished: 12 May 2024\n\nThe museum reopened."));
    assertEquals(MAY_12, Datelines.find("Museum reopens\nBy Ann Writer\nDate: Sun, 12 May 2024 10:00:00 +0000\nText."));
    assertEquals(MAY_12, Datelines.find("Museum reopens\nPosted on May 12, 2024 at 9:00 am\nText."));
  }

  @Test
  void neverADateFromASentence() {
    assertNull(Datelines.find("Actor dies at 104\n\nThe actor, born on 5 April 1920 in Leeds, died on Sunday."));
    assertNull(Datelines.find("Law change\n\nSince 1 January 1985 the law has required a licence."));
    assertNull(Datelines.find("Law change\n\nOn 12 May 2024, the council met."));
    assertNull(Datelines.find("Law change\n\n1 January 1985 was the day it all began, friends recall."));
    assertNull(Datelines.find("Law change\n\nYesterday, May 12, 2024, the council met."));
    assertNull(Datelines.find("Law change\n\nThe date: 12 May 2024 was chosen by the council."));
  }

  @Test
  void onlyTheFirstLines() {
    String top = "Headline\nStandfirst line\nBy Ann Writer\nPhotograph: agency\nFirst paragraph.\nSecond one.\n";
    assertNull(Datelines.find(top + "LONDON, 12 May 2024 - too far down to be a dateline."));
    assertEquals(MAY_12, Datelines.find("Headline\n\n\n\nStandfirst\n\nLONDON, 12 May 2024 - blank lines do not count."));
    String longFirstParagraph = "Headline\n" + "words ".repeat(400) + "\nLONDON, 12 May 2024 - below a long paragraph.";
    assertNull(Datelines.find(longFirstParagraph), "only the top of the story is looked at");
  }

  @Test
  void impossibleDatesAreNone() {
    assertNull(Datelines.find("Headline\n31 February 2024\n"));
    assertNull(Datelines.find("Headline\nLONDON, 2024-13-40 - text"));
  }
}
