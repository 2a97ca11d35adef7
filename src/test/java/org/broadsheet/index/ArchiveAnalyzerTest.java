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

  /** Every attribute of every token, and the end state: what the index receives. */
  private static List<String> everything(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(Fields.BODY, text)) {
      ts.reset();
      while (ts.incrementToken()) {
        out.add(ts.reflectAsString(false));
      }
      ts.end();
      out.add("end " + ts.reflectAsString(false));
    }
    return out;
  }

  /** The indexing chain as it was: the word delimiter and flattening over every token. */
  private static Analyzer delimiterOnEveryToken() {
    return new Analyzer() {
      @Override
      protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        org.apache.lucene.analysis.charfilter.NormalizeCharMap.Builder b =
            new org.apache.lucene.analysis.charfilter.NormalizeCharMap.Builder();
        b.add("\u2019", "'");
        b.add("\u2018", "'");
        b.add("\u02BC", "'");
        return new org.apache.lucene.analysis.charfilter.MappingCharFilter(b.build(), reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        org.apache.lucene.analysis.Tokenizer source = new org.apache.lucene.analysis.core.WhitespaceTokenizer();
        TokenStream ts = new org.apache.lucene.analysis.core.FlattenGraphFilter(ArchiveAnalyzer.wordDelimiter(source));
        ts = new org.apache.lucene.analysis.core.LowerCaseFilter(ts);
        ts = new FoldedVariantFilter(ts, ArchiveAnalyzer.FOLDED_BOOST);
        return new TokenStreamComponents(source, new CachedKStemFilter(ts));
      }
    };
  }

  /** DelimitedWords skips the word delimiter where it changes nothing: the index receives the same. */
  @Test
  void indexingGivesWhatTheWordDelimiterOnEveryTokenGives() throws IOException {
    List<String> texts = List.of(
        "Hamas’ call, Rafah. -- The cease-fire -- held. -\n\n- Delivery: 3.16  --    --\n\nToledo -",
        "— – … • · ‘’ “” «» ¿¡ § ¶ † ‡ © ® ™ ° ± × ÷ end",
        "😀 👍🏽 a😀b 😀- -😀 🇫🇷 x\u200Dy a\uD800 lone \uDC00 surrogates",
        "e\u0301 cafe\u0301s ﬁne ǅemal Ⅻ ½ ²³ ١٢٣ 中文 日本語 한국어 العربية עברית ไทย",
        "http://x.com/a-b?c=d&e=f #tag @user $5 5% 3.5m 1,234 (1987) [a] {b} <c> a/b/c a\\b a_b",
        "U.S.A. U.S. e.g. O'Neill's Obamaʼs ‘quoted’ 's ' '' 'tis rock'n'roll Türkiye's wi-fi Hewlett-Packard's",
        "soft\u00adhyphen non\u2011breaking \u2060 \uFEFF bom \uFFFD -- ",
        "-- start", "");
    Analyzer reference = delimiterOnEveryToken();
    Analyzer indexing = ArchiveAnalyzer.forIndexing();
    for (String text : texts) {
      assertEquals(everything(reference, text), everything(indexing, text), text);
    }
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
