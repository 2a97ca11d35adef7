package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table finds the number the model's index gives, for features it has and features it has not. */
class FeatureTableTest {

  @Test
  void everyFeatureHasTheModelsNumberAndUnknownOnesNone() {
    Index<String> model = new HashIndex<>();
    Random random = new Random(7);
    // Features as the CRF writes them: a template, a word, a class; many alike but for a letter.
    for (int i = 0; i < 200_000; i++) {
      model.add(features(random, i));
    }
    FeatureTable table = FeatureTable.of(model);
    assertNotNull(table);
    for (int i = 0; i < model.size(); i++) {
      assertEquals(i, table.indexOf(model.get(i)));
    }
    for (int i = 0; i < 200_000; i++) {
      String unknown = features(random, i) + "#";
      assertEquals(model.indexOf(unknown), table.indexOf(unknown), unknown);
    }
    assertEquals(-1, table.indexOf(""));
    assertEquals(model.size(), table.size());
    assertEquals(model.get(17), table.get(17));
  }

  @Test
  void itIsReadOnly() {
    Index<String> model = new HashIndex<>();
    model.add("W-word|C");
    FeatureTable table = FeatureTable.of(model);
    assertThrows(UnsupportedOperationException.class, () -> table.add("new"));
    assertThrows(UnsupportedOperationException.class, () -> table.indexOf("new", true));
    assertEquals(-1, table.indexOf("new", false));
  }

  private static String features(Random random, int i) {
    String[] templates = {"W-", "P-", "N-", "SHAPE-", "DISTSIM-", "#", "PREV-WORD-"};
    StringBuilder word = new StringBuilder();
    int n = 1 + random.nextInt(12);
    for (int k = 0; k < n; k++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return templates[i % templates.length] + word + (i % 3 == 0 ? "|C" : "-" + i);
  }
}
