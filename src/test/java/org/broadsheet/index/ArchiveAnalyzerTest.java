package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.junit.jupiter.api.Test;

class ArchiveAnalyzerTest {
  /** "term@position^boost" for each token. */
  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      BoostAttribute boost = ts.addAttribute(BoostAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(term + "@" + pos + (boost.getBoost() == 1f ? "" : "^" + boost.getBoost()));
      }
      ts.end();
    }
    return out;
  }

  @Test
  void foldsDiacriticsKeepingTheOriginalWithALowerQueryWeight() throws IOException {
    assertEquals(List.of("erdoğan@0", "erdogan@0^0.5", "visit@1", "kalın@2", "kalin@2^0.5"),
        tokens(ArchiveAnalyzer.forQueries(), "Erdoğan visits Kalın"));
    assertEquals(List.of("erdogan@0"), tokens(ArchiveAnalyzer.forQueries(), "ERDOGAN"));
  }

  @Test
  void stemsLightly() throws IOException {
    assertEquals(List.of("negotiation@0", "negotiation@1", "news@2", "new@3"),
        tokens(ArchiveAnalyzer.forIndexing(), "negotiations negotiation news new"));
  }

  @Test
  void hyphenatedWordsAreIndexedAsPartsAndAsOne() throws IOException {
    List<String> t = tokens(ArchiveAnalyzer.forIndexing(), "a cease-fire now");
    assertTrue(t.containsAll(List.of("cease@1", "ceasefire@1", "fire@2", "now@3")), t.toString());
  }

  @Test
  void possessivesAndPunctuationAreDropped() throws IOException {
    assertEquals(List.of("hama@0", "call@1", "rafah@2"),
        tokens(ArchiveAnalyzer.forIndexing(), "Hamas’ call, Rafah."));
    assertEquals(List.of("türkiye@0", "turkiye@0^0.5", "plan@1"),
        tokens(ArchiveAnalyzer.forIndexing(), "Türkiye's plan"));
  }

  @Test
  void facetKeysFoldCaseDiacriticsAndSpacing() {
    assertEquals("recep tayyip erdogan", FacetKeys.key(" Recep  Tayyip ERDOĞAN "));
    assertEquals(FacetKeys.key("Ibrahim Kalın"), FacetKeys.key("Ibrahim Kalin"));
    assertTrue(FacetKeys.better("Erdoğan", 1, "Erdogan", 10), "diacritics win over frequency");
    assertTrue(FacetKeys.better("Hamas", 1, "HAMAS", 1), "mixed case wins over capitals");
  }
}
