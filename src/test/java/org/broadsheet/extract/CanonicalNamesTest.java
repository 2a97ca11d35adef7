package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CanonicalNamesTest {

  @Test
  void keyIgnoresDiacriticsCaseAndDots() {
    assertEquals(CanonicalNames.key("Recep Tayyip Erdoğan"), CanonicalNames.key("RECEP TAYYIP ERDOGAN"));
    assertEquals("ibrahim kalin", CanonicalNames.key("İbrahim  Kalın"));
    assertEquals(CanonicalNames.key("U.S."), CanonicalNames.key("US"));
    assertEquals(CanonicalNames.key("Côte d’Ivoire"), CanonicalNames.key("Cote d'Ivoire"));
    assertEquals("sao paulo", CanonicalNames.key("São Paulo"));
    assertNotEquals(CanonicalNames.key("Gaza"), CanonicalNames.key("Gaza Strip"));
  }

  @Test
  void noiseIsNeverAnEntity() {
    for (String s : new String[] {"he", "He", "his", "It", "President", "Prime Minister", "Mr.", "42", "A", "1,200"}) {
      assertTrue(CanonicalNames.isNoise(s), s);
    }
    for (String s : new String[] {"US", "Hamas", "Kalın", "Abu Zuhri", "WHO"}) {
      assertFalse(CanonicalNames.isNoise(s), s);
    }
  }

  @Test
  void prefersDiacriticsThenMixedCase() {
    assertEquals("Erdoğan", CanonicalNames.preferSpelling("Erdogan", "Erdoğan"));
    assertEquals("Erdoğan", CanonicalNames.preferSpelling("Erdoğan", "ERDOGAN"));
    assertEquals("New York", CanonicalNames.preferSpelling("NEW YORK", "New York"));
    assertEquals("New York", CanonicalNames.titleCase("NEW YORK"));
    assertEquals("U.S.", CanonicalNames.titleCase("U.S."));
  }
}
