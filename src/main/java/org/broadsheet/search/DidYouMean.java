package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.QueryLexer.Kind;
import org.broadsheet.search.QueryLexer.Token;

/**
 * "Did you mean": a query that found few articles, respelt word by word with the words of the
 * index, and run to see what it finds. Each word of the query (alone, in a phrase or after a field)
 * that the body does not hold is replaced by the closest word it does ({@link DirectSpellChecker}:
 * edit distance, then how many articles use it); a word it holds only in a handful of articles may
 * be replaced by a word one letter away that many more use. A word shown for an entity's is
 * spelled as the entity is ({@link EntityWords}: "Erdogen" → "Erdoğan"). Everything else of the
 * query is kept as typed: operators, quotes, fields, negated words, wildcards and fuzzy words. The
 * suggestion is offered only when it finds far more than the query; it never replaces it.
 */
public final class DidYouMean {
  /** A query finding fewer articles than this is worth a suggestion. */
  static final int FEW = 3;
  /** A suggestion must find this many times the query's articles (or, for none, at least one). */
  static final int FAR_MORE = 5;
  /** A rare word is respelt only for a word this many times as common, one letter away. */
  private static final int MORE_POPULAR_BY = 5;
  private static final int CANDIDATES = 5;
  /** Words looked up at most per query: a typed query has a few; a 2,000-character one costs no more than this. */
  static final int MAX_WORDS = 12;

  private final ArchiveQueryParser parser;
  private final Analyzer analyzer;
  private final QueryLexer lexer;
  private final FieldPolicy fields = FieldPolicy.archive();
  private final DirectSpellChecker unknown = new DirectSpellChecker();
  private final DirectSpellChecker rare = new DirectSpellChecker();

  /**
   * The words of an archive's body text, as "did you mean" asks about them: the embedded index's
   * terms ({@link DirectSpellChecker} over its reader), or another engine's with the same settings.
   */
  public interface Vocabulary {
    /** How many articles' bodies have this (analysed) term. */
    long articles(String term) throws IOException;

    /**
     * Body terms close to a term no article has: the spell checker's defaults (two edits), best first.
     *
     * @param folded the word folded ({@link FacetKeys#key})
     */
    List<SuggestWord> unknown(String folded, int max) throws IOException;

    /**
     * Body terms one edit from a term a few articles have ({@link #KNOWN_WORD_ARTICLES} at most) that
     * more articles use, best first.
     */
    List<SuggestWord> morePopular(String term, int max) throws IOException;
  }

  /** The body's words that more articles use than this: a query word in more is never respelt. */
  public static final int KNOWN_WORD_ARTICLES = 2;

  /** True when a search that found {@code total} articles for {@code r} is worth a suggestion. */
  public static boolean wanted(SearchRequest r, long total) {
    return total < FEW && !r.query().isBlank();
  }

  /** True when a respelt query finding {@code found} articles finds far more than the {@code total} typed. */
  public static boolean findsFarMore(long found, long total) {
    return found >= Math.max(1, FAR_MORE * total);
  }

  public DidYouMean(ArchiveQueryParser parser, Analyzer queryAnalyzer) {
    this.parser = parser;
    this.analyzer = queryAnalyzer;
    this.lexer = new QueryLexer(fields, QueryLimits.defaults());
    rare.setMaxEdits(1);
    // Decided here (KNOWN_WORD_ARTICLES), not as a share of the index: a word in 2 of 13 articles is rare too.
    rare.setMaxQueryFrequency(KNOWN_WORD_ARTICLES);
  }

  /**
   * @param total what {@code r}'s query found
   * @return a respelt query finding far more, with its total under the same filters; null when none
   */
  SearchResult.Suggestion suggest(IndexSearcher searcher, ReaderState rs, FacetsConfig config, SearchRequest r,
                                  long total) throws IOException {
    if (!wanted(r, total)) {
      return null;
    }
    String respelt = respell(r.query(), vocabulary(searcher.getIndexReader()), rs.entityWords().get());
    if (respelt == null) {
      return null;
    }
    long found;
    try {
      Query q = parser.parse(respelt, searcher.getIndexReader());
      found = searcher.count(DrillDown.of(r, q, config));
    } catch (BadQueryException | IndexSearcher.TooManyClauses e) {
      return null;
    }
    return findsFarMore(found, total) ? new SearchResult.Suggestion(respelt, found) : null;
  }

  /** The embedded index's words. */
  private Vocabulary vocabulary(IndexReader reader) {
    return new Vocabulary() {
      @Override
      public long articles(String term) throws IOException {
        return reader.docFreq(new Term(Fields.BODY, term));
      }

      @Override
      public List<SuggestWord> unknown(String folded, int max) throws IOException {
        return List.of(DidYouMean.this.unknown.suggestSimilar(new Term(Fields.BODY, folded), max, reader,
            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX));
      }

      @Override
      public List<SuggestWord> morePopular(String term, int max) throws IOException {
        return List.of(rare.suggestSimilar(new Term(Fields.BODY, term), max, reader, SuggestMode.SUGGEST_MORE_POPULAR));
      }
    };
  }

  /** The query with its misspelt words replaced (against the embedded index), or null when no word was. */
  String respell(String query, IndexReader reader, EntityWords entities) throws IOException {
    return respell(query, vocabulary(reader), entities);
  }

  /**
   * The query with its misspelt words replaced, or null when no word was.
   *
   * @param reader   the archive's words
   * @param entities the words of its entity names, in their best spellings
   */
  public String respell(String query, Vocabulary reader, EntityWords entities) throws IOException {
    int[] looked = {0}; // words looked up so far, against MAX_WORDS
    List<int[]> spans = new ArrayList<>(); // start, end of each replaced word
    List<String> words = new ArrayList<>();
    boolean negated = false;
    for (Token t : lexer.tokens(query)) {
      int at = t.column() - 1;
      if (t.kind() == Kind.WORD && (t.text().equals("NOT") || t.text().equals("AND") || t.text().equals("OR")
          || t.text().equals("&&") || t.text().equals("||"))) {
        negated = t.text().equals("NOT");
        continue;
      }
      if (t.kind() == Kind.WORD && !negated) {
        wordOf(t.text(), at, reader, entities, spans, words, looked);
      } else if (t.kind() == Kind.PHRASE && !negated && !t.text().startsWith("-") && !t.text().startsWith("!")) {
        int i = 1;
        String inner = t.text();
        while (i < inner.length() - 1) {
          int end = i;
          while (end < inner.length() - 1 && !Character.isWhitespace(inner.charAt(end))) {
            end++;
          }
          respellWord(inner.substring(i, end), at + i, reader, entities, spans, words, looked);
          i = end + 1;
        }
      }
      negated = false;
    }
    if (words.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int k = 0; k < spans.size(); k++) {
      out.append(query, from, spans.get(k)[0]).append(words.get(k));
      from = spans.get(k)[1];
    }
    return out.append(query.substring(from)).toString();
  }

  /** A word token: past its modifier and field, if it is a plain word (no wildcard, fuzzy or escape). */
  private void wordOf(String w, int at, Vocabulary reader, EntityWords entities, List<int[]> spans,
                      List<String> words, int[] looked) throws IOException {
    if (w.startsWith("-") || w.startsWith("!")) {
      return;
    }
    int k = w.startsWith("+") ? 1 : 0;
    int colon = w.indexOf(':', k);
    if (colon > k && fields.isNamed(w.substring(k, colon))) {
      k = colon + 1;
    }
    int end = k;
    while (end < w.length() && Character.isLetter(w.charAt(end))) {
      end++;
    }
    // After the word: nothing, a boost, or punctuation that is text ("goverment?", "Erdogen,").
    String rest = w.substring(end);
    if (rest.isEmpty() || rest.matches("\\^\\d{1,4}(?:\\.\\d{1,4})?") || rest.matches("[,.;:!?]{1,5}")) {
      respellWord(w.substring(k, end), at + k, reader, entities, spans, words, looked);
    }
  }

  private void respellWord(String word, int at, Vocabulary reader, EntityWords entities, List<int[]> spans,
                           List<String> words, int[] looked) throws IOException {
    if (word.length() < unknown.getMinQueryLength() || !word.codePoints().allMatch(Character::isLetter)
        || looked[0]++ >= MAX_WORDS) {
      return;
    }
    String better = closest(word, reader);
    if (better == null) {
      return;
    }
    String shown = entities.spelling(better);
    shown = shown != null ? shown : inCaseOf(word, better);
    if (!FacetKeys.key(shown).equals(FacetKeys.key(word))) {
      spans.add(new int[] {at, at + word.length()});
      words.add(shown);
    }
  }

  /** The index word to put for {@code word}, or null when it is spelt as the archive spells it. */
  private String closest(String word, Vocabulary reader) throws IOException {
    String analysed = firstToken(word);
    long df = analysed == null ? 0 : reader.articles(analysed);
    if (df > KNOWN_WORD_ARTICLES) {
      return null;
    }
    String folded = FacetKeys.key(word);
    if (folded.isEmpty()) {
      return null;
    }
    List<SuggestWord> found = df == 0 ? reader.unknown(folded, CANDIDATES) : reader.morePopular(analysed, CANDIDATES);
    for (SuggestWord s : found) {
      if (df == 0 || s.freq >= MORE_POPULAR_BY * df) {
        return s.string;
      }
    }
    return null;
  }

  /** The body's first token for {@code word}, as a query would look it up; null when it has none. */
  private String firstToken(String word) throws IOException {
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String first = ts.incrementToken() ? term.toString() : null;
      while (ts.incrementToken()) {
        // drain, as the TokenStream contract requires before end()
      }
      ts.end();
      return first;
    }
  }

  /** {@code word} (an index term, lower case) in the case the user typed: "Goverment" → "Government". */
  private static String inCaseOf(String typed, String word) {
    if (typed.length() > 1 && typed.equals(typed.toUpperCase(Locale.ROOT))) {
      return word.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(typed.codePointAt(0))) {
      return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
    return word;
  }
}
