package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MinHash signatures and the copy rule on the kinds of copy a wire archive holds, and on same-topic stories. */
class CopyRuleTest {
  @Test
  void everyKindOfCopyIsACopy() {
    for (String s : StoryVariants.STORIES) {
      MinHash original = MinHash.of(s);
      for (String copy : List.of(s, StoryVariants.newHeadline(s), StoryVariants.dropParagraph(s),
          StoryVariants.addParagraph(s), StoryVariants.changeWords(s, 5, 1), StoryVariants.retop(s))) {
        assertTrue(CopyRule.copies(original, MinHash.of(copy)), "a copy of " + StoryVariants.title(s) + ":\n" + copy);
        assertTrue(sharesABand(original, MinHash.of(copy)), "found by a band: " + copy);
      }
    }
  }

  @Test
  void storiesOnTheSameTopicAreNotCopies() {
    List<String> stories = StoryVariants.STORIES;
    for (int i = 0; i < stories.size(); i++) {
      for (int j = 0; j < stories.size(); j++) {
        if (i != j) {
          assertFalse(CopyRule.copies(MinHash.of(stories.get(i)), MinHash.of(stories.get(j))),
              StoryVariants.title(stories.get(i)) + " / " + StoryVariants.title(stories.get(j)));
        }
      }
    }
  }

  /** Two notices of one template: most three-word runs alike, the company, amounts and dates not. */
  @Test
  void noticesOfOneTemplateAreNotCopies() {
    String template = "%s said its board declared a regular quarterly dividend of %s cts per share, payable %s "
        + "to shareholders of record %s. The company said the dividend is unchanged from the prior quarter. It "
        + "said the board also approved the annual meeting date and the payment reflects steady earnings from "
        + "operations in the region, and that it expects to maintain the payout through the rest of the year "
        + "subject to market conditions.";
    String kelley = template.formatted("Kelley Oil Corp", "12", "April 10", "March 20");
    String houston = template.formatted("Houston Industries Inc", "45", "June 5", "May 12");
    assertTrue(MinHash.of(kelley).jaccard(MinHash.of(houston)) >= CopyRule.JACCARD,
        "most of their three-word runs are alike");
    assertFalse(CopyRule.copies(MinHash.of(kelley), MinHash.of(houston)));
    assertTrue(CopyRule.copies(MinHash.of(kelley), MinHash.of(kelley.replace("steady", "solid"))),
        "the same notice with a word changed is a copy");
  }

  @Test
  void theSignatureIsTheSameForTheSameTextAndEstimatesJaccard() {
    String s = StoryVariants.STORIES.get(0);
    assertEquals(1.0, MinHash.of(s).jaccard(MinHash.of(s)));
    assertEquals(List.of(MinHash.of(s).bands()), List.of(MinHash.of(new String(s)).bands()));
    // Case and punctuation are not words: a copy that differs only in them is the same text.
    assertEquals(1.0, MinHash.of(s).jaccard(MinHash.of(s.toUpperCase().replace(",", " ;"))));
    assertTrue(MinHash.of(s).jaccard(MinHash.of(StoryVariants.STORIES.get(1))) < 0.1);
  }

  @Test
  void shortAndEmptyTextsAreCopiesOnlyWhenAllButEqual() {
    MinHash empty = MinHash.of("");
    assertEquals(0, empty.bands().length);
    assertFalse(CopyRule.copies(empty, empty));
    MinHash a = MinHash.of("Acme Corp 4th qtr net shr 1.23 dlrs vs 1.01 dlrs net 12.3 mln vs 10.1 mln revs 400 mln");
    MinHash b = MinHash.of("Bolt Inc 4th qtr net shr 0.44 dlrs vs 0.51 dlrs net 2.3 mln vs 2.6 mln revs 80 mln");
    assertFalse(CopyRule.copies(a, b), "two earnings tables share a template, not a story");
    assertTrue(CopyRule.copies(a, MinHash.of("ACME CORP 4th Qtr Net: shr 1.23 dlrs vs 1.01 dlrs, net 12.3 mln vs 10.1 mln, revs 400 mln")));
  }

  private static boolean sharesABand(MinHash a, MinHash b) {
    return !java.util.Collections.disjoint(List.of(a.bands()), List.of(b.bands()));
  }
}
