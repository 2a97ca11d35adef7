package org.broadsheet.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;

/**
 * English analysis for article text, the same at index and query time but for graph
 * flattening:
 * <ul>
 *   <li>typographic apostrophes read as ' ({@link Apostrophes});</li>
 *   <li>whitespace tokens split by {@link WordDelimiterGraphFilter}, which also catenates
 *       the parts, so "cease-fire" is indexed as "cease", "fire" and "ceasefire": the
 *       spellings "ceasefire", "cease-fire" and the phrase "cease fire" find each other,
 *       and "U.N." also gives "un";</li>
 *   <li>lower case, then {@link FoldedVariantFilter}: a word with diacritics is indexed
 *       both as written and ASCII-folded, so "Erdogan" finds "Erdoğan"; at query time the
 *       folded form weighs {@link #FOLDED_BOOST}, so "Erdoğan" ranks its exact spelling
 *       first but still finds "Erdogan";</li>
 *   <li>KStem, a light English stemmer: "negotiations" finds "negotiation" without the
 *       over-stemming of Porter ("news" and "new" stay apart); when indexing, with the stems of the
 *       words seen remembered ({@link CachedKStemFilter}).</li>
 * </ul>
 * No stop words: phrase queries and names such as "The Hague" need every word, and BM25
 * already gives common words little weight.
 */
public final class ArchiveAnalyzer {
  private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
      | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
      | WordDelimiterGraphFilter.CATENATE_WORDS
      | WordDelimiterGraphFilter.CATENATE_NUMBERS
      | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

  /**
   * Weight of the folded spelling against the one typed. Half: an article spelling the
   * name as the user did beats one spelling it without diacritics at equal frequency,
   * but three "Erdogan"s still count for as much as one "Erdoğan".
   */
  public static final float FOLDED_BOOST = 0.5f;

  /**
   * Positions between two values of one entity field (an article naming "James" and "Baker" does not
   * name "James Baker"): a phrase never spans two values. OpenSearch's default for text fields, which
   * its mapping states too.
   */
  public static final int ENTITY_VALUE_GAP = 100;
  private static final java.util.Set<String> ENTITY_FIELDS = java.util.Set.of(Fields.PERSON, Fields.PLACE, Fields.ORG);

  private ArchiveAnalyzer() {
  }

  /** The analyzer for writing documents. */
  public static Analyzer forIndexing() {
    return perField(text(true, Analyzer.GLOBAL_REUSE_STRATEGY));
  }

  /**
   * The analysis of {@link #forIndexing} as a new chain for each text: for a stream a document
   * holds ({@link DocumentBuilder#addBody}), since a document may be made before the one before it
   * is written.
   */
  static Analyzer forIndexingEachText() {
    return text(true, NO_REUSE);
  }

  /** The analyzer for parsing queries. */
  public static Analyzer forQueries() {
    return perField(text(false, Analyzer.GLOBAL_REUSE_STRATEGY));
  }

  private static final Analyzer.ReuseStrategy NO_REUSE = new Analyzer.ReuseStrategy() {
    @Override
    public Analyzer.TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
      return null;
    }

    @Override
    public void setReusableComponents(Analyzer analyzer, String fieldName,
                                      Analyzer.TokenStreamComponents components) {
      // nothing is kept
    }
  };

  /** adjustInternalOffsets: each part gets its own offsets, so "Rafah," highlights as "Rafah". */
  static TokenStream wordDelimiter(TokenStream in) {
    return new WordDelimiterGraphFilter(in, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WORD_DELIMITER_FLAGS,
        null);
  }

  private static Analyzer perField(Analyzer text) {
    // Ids and other exact fields are indexed as StringField and never analysed;
    // the keyword analyzer keeps a query on them exact too.
    return new PerFieldAnalyzerWrapper(text, Map.of(Fields.ID, new KeywordAnalyzer()));
  }

  private static Analyzer text(boolean indexing, Analyzer.ReuseStrategy reuse) {
    return new Analyzer(reuse) {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream words = new Apostrophes(source);
        // The index cannot store a graph, so indexing flattens it (queries keep it); and indexing runs the
        // word delimiter only on the tokens it can change (DelimitedWords): the same tokens, faster.
        TokenStream ts = indexing
            ? DelimitedWords.of(words, in -> new FlattenGraphFilter(wordDelimiter(in)))
            : wordDelimiter(words);
        ts = new LowerCaseFilter(ts);
        ts = new FoldedVariantFilter(ts, FOLDED_BOOST);
        // Indexing threads analyse a great deal: they remember stems. Queries need not.
        ts = indexing ? new CachedKStemFilter(ts) : new KStemFilter(ts);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return ENTITY_FIELDS.contains(fieldName) ? ENTITY_VALUE_GAP : 0;
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        // For prefix*, fuzzy~ and wildcard terms: fold case and accents like the index did.
        return new ASCIIFoldingFilter(new LowerCaseFilter(new Apostrophes(in)), false);
      }
    };
  }

}
