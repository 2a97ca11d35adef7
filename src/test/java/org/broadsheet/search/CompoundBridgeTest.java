package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compound bridging against a dictionary of a few words, without an index. */
class CompoundBridgeTest {
  private static final Set<String> WORDS = Set.of("cease", "fire", "ceasefire", "talks", "take", "over", "the",
      "ab", "ove", "rtake", "overtake");
  private final CompoundBridge bridge = new CompoundBridge(
      (field, word) -> WORDS.contains(word.toLowerCase(Locale.ROOT)));

  private static List<String> phrases(List<CompoundBridge.Split> splits) {
    return splits.stream().map(CompoundBridge.Split::phrase).toList();
  }

  @Test
  void aWordSplitsWhereBothPartsAreKnown() {
    assertEquals(List.of("cease fire"), phrases(bridge.splits(null, "ceasefire")));
    assertEquals(List.of("Cease fire"), phrases(bridge.splits(null, "Ceasefire")));
    assertEquals(List.of(), phrases(bridge.splits(null, "firestorm")), "'storm' is not known");
  }

  @Test
  void partsAreThreeLettersOrMoreAndNotStopWords() {
    assertEquals(List.of(), phrases(bridge.splits(null, "abfire")), "'ab' is too short a part");
    assertEquals(List.of(), phrases(bridge.splits(null, "thefire")), "'the' is a stop word");
  }

  @Test
  void atMostTwoSplitsPerWord() {
    // "ove"+"rtake" and "over"+"take" are both known: the first two found are offered.
    assertEquals(List.of("ove rtake", "over take"), phrases(bridge.splits(null, "overtake")));
    CompoundBridge everything = new CompoundBridge((field, word) -> true);
    assertEquals(CompoundBridge.MAX_SPLITS, everything.splits(null, "abcdefghijkl").size());
  }

  @Test
  void onlyWordsOfLettersAreBridged() {
    assertEquals(List.of(), phrases(bridge.splits(null, "cease9fire")));
    assertNull(bridge.join(null, "cease", "fire9"));
    assertNull(bridge.join(null, "cease", "f"));
  }

  @Test
  void twoWordsJoinWhenTheJoinedWordIsKnown() {
    assertEquals("ceasefire", bridge.join(null, "cease", "fire"));
    assertNull(bridge.join(null, "fire", "cease"));
  }

  @Test
  void theFieldIsPassedToTheDictionary() {
    List<String> asked = new ArrayList<>();
    CompoundBridge titles = new CompoundBridge((field, word) -> {
      asked.add(field + ":" + word);
      return "title".equals(field) && WORDS.contains(word);
    });
    assertEquals("ceasefire", titles.join("title", "cease", "fire"));
    assertNull(titles.join("body", "cease", "fire"));
    assertEquals(List.of("title:ceasefire", "body:ceasefire"), asked);
  }

  @Test
  void phraseVariantsJoinAndSplit() {
    assertEquals(List.of("ceasefire talks"), bridge.phraseVariants(null, "cease fire talks"));
    assertEquals(List.of("cease fire talks"), bridge.phraseVariants(null, " ceasefire  talks "));
    assertEquals(List.of(), bridge.phraseVariants(null, "peace talks"));
  }

  @Test
  void longPhrasesAreMeantLiterally() {
    String nine = "cease fire talks talks talks talks talks talks talks";
    assertEquals(List.of(), bridge.phraseVariants(null, nine));
    assertEquals(List.of("ceasefire talks talks talks talks talks talks"),
        bridge.phraseVariants(null, "cease fire talks talks talks talks talks talks"));
  }

  @Test
  void anEmptyDictionaryBridgesNothing() {
    CompoundBridge none = new CompoundBridge(WordDictionary.EMPTY);
    assertEquals(List.of(), none.splits(null, "ceasefire"));
    assertNull(none.join(null, "cease", "fire"));
    assertEquals(List.of(), none.phraseVariants(null, "cease fire"));
  }
}
