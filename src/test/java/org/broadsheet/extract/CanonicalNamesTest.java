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

  /** The one-pass key of an ASCII name is the regexes' key, on names and on random ASCII. */
  @Test
  void asciiNamesGetTheKeyTheGeneralRuleGives() {
    java.util.Random random = new java.util.Random(17);
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("U.S.", "Cote d'Ivoire",
        "  General Motors Corp.  ", "A.B. - C", "3M", "AT&T", "...", "", "O'Neil-Smith Jr.", "x\ty\u0000z"));
    for (int n = 0; n < 20_000; n++) {
      char[] cs = new char[random.nextInt(12)];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = (char) random.nextInt(128);
      }
      names.add(new String(cs));
    }
    java.util.regex.Pattern joiners = java.util.regex.Pattern.compile("['.]");
    java.util.regex.Pattern nonKey = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    for (String name : names) {
      String general = nonKey.matcher(joiners.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll(""))
          .replaceAll(" ").strip();
      assertEquals(general, CanonicalNames.key(name), name);
      assertEquals(name, CanonicalNames.fold(name));
    }
    assertEquals("erdogan", CanonicalNames.key("Erdoğan"));
  }
}
