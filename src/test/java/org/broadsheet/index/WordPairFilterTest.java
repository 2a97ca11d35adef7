package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The body's word pairs, as the index analyses them: only pairs with a common word, stacked words
 * each paired, nothing across a gap.
 */
class WordPairFilterTest {
  /** The pairs as DocumentBuilder writes them: from the words noted while the body is indexed. */
  private static List<String> pairs(String text) throws IOException {
    RecordedWords words = new RecordedWords();
    List<String> body = terms(words.recording(ArchiveAnalyzer.forIndexingEachText().tokenStream(Fields.BODY, text)));
    try (Analyzer a = ArchiveAnalyzer.forIndexing()) {
      assertEquals(terms(a.tokenStream(Fields.BODY, text)), body, "the body's words are indexed as without the notes");
    }
    return terms(new WordPairFilter(words.replay()));
  }

  private static List<String> terms(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void pairsNeighbouringWordsWhenEitherIsCommon() throws IOException {
    // "oil prices rose": no common word; "rose in", "minister said": one is common.
    assertEquals(List.of("rose in", "in june", "june the", "the minister", "minister said", "said on", "on monday"),
        pairs("Oil prices rose in June, the minister said on Monday."));
    assertEquals(List.of(), pairs("cease-fire talk"));
  }

  @Test
  void pairsEveryStackedWordWithEachNeighbour() throws IOException {
    // A folded spelling stands beside the written one: both pair with "in" and with "said".
    assertEquals(List.of("in erdoğan", "in erdogan", "erdoğan said", "erdogan said"), pairs("in Erdoğan said"));
    // "cease-fire" stands as "ceasefire" and "cease" at one position, "fire" at the next.
    assertEquals(List.of("the ceasefire", "the cease", "fire said"), pairs("the cease-fire said"));
  }

  @Test
  void oneWordOrNoneGivesNoPair() throws IOException {
    assertEquals(List.of(), pairs("Reuters"));
    assertEquals(List.of(), pairs(""));
    assertEquals(List.of(), pairs("  ,  "));
  }

  @Test
  void aRepeatedPairIsCountedEachTime() throws IOException {
    assertEquals(List.of("of the", "the oil", "oil of", "of the", "the year"), pairs("of the oil of the year"));
  }
}
