package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.index.WordPairFilter;

/**
 * An exact phrase of two words in one field, answered from that field's word pairs
 * ({@link WordPairFilter}) instead of its positions: the articles are those holding the pair, the
 * phrase's frequency is the pair's, and the score is the one {@link PhraseQuery} gives (the same
 * similarity over the two words' statistics and the field's norms), to the bit. A phrase of two
 * frequent words thus costs one term's postings, not the positions of every article that has both.
 *
 * <p>A segment without the pair field (an index written before it) is answered by the phrase
 * itself, as are explanations and matches (the highlighter's).
 */
final class PairPhraseQuery extends Query {
  private final PhraseQuery phrase;
  private final String pairField;
  private final BytesRef pair;

  /**
   * The phrase {@code first second}, answered from {@code pairField}.
   *
   * @throws IllegalArgumentException when the two words are not of one field
   */
  PairPhraseQuery(Term first, Term second, String pairField) {
    if (!first.field().equals(second.field())) {
      throw new IllegalArgumentException("a phrase is of one field: " + first + ", " + second);
    }
    this.phrase = new PhraseQuery(first.field(), first.bytes(), second.bytes());
    this.pairField = pairField;
    this.pair = new BytesRef(WordPairFilter.pair(first.text(), second.text()));
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return new PairWeight(searcher, scoreMode, boost);
  }

  private final class PairWeight extends Weight {
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    private final Similarity.SimScorer simScorer;
    private Weight phraseWeight;

    PairWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      super(PairPhraseQuery.this);
      this.searcher = searcher;
      this.scoreMode = scoreMode;
      this.boost = boost;
      this.simScorer = scoreMode.needsScores() ? phraseScorer(searcher, boost) : null;
    }

    /** What {@link PhraseQuery}'s weight scores with: the similarity over the words found in the index. */
    private Similarity.SimScorer phraseScorer(IndexSearcher searcher, float boost) throws IOException {
      List<TermStatistics> stats = new ArrayList<>(2);
      for (Term t : phrase.getTerms()) {
        TermStates states = TermStates.build(searcher, t, true);
        if (states.docFreq() > 0) {
          stats.add(searcher.termStatistics(t, states.docFreq(), states.totalTermFreq()));
        }
      }
      if (stats.isEmpty()) {
        return null; // neither word is in the index: nothing matches
      }
      CollectionStatistics collection = searcher.collectionStatistics(phrase.getField());
      return searcher.getSimilarity().scorer(boost, collection, stats.toArray(TermStatistics[]::new));
    }

    private synchronized Weight phraseWeight() throws IOException {
      if (phraseWeight == null) {
        phraseWeight = phrase.createWeight(searcher, scoreMode, boost);
      }
      return phraseWeight;
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      if (!hasPairs(reader)) {
        return phraseWeight().scorerSupplier(context);
      }
      TermsEnum te = termsEnum(reader);
      if (te == null || (scoreMode.needsScores() && simScorer == null)) {
        return null;
      }
      PostingsEnum postings = te.postings(null, scoreMode.needsScores() ? PostingsEnum.FREQS : PostingsEnum.NONE);
      NumericDocValues norms = scoreMode.needsScores() ? reader.getNormValues(phrase.getField()) : null;
      Scorer scorer = new PairScorer(postings, simScorer, norms);
      long cost = te.docFreq();
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) {
          return scorer;
        }

        @Override
        public long cost() {
          return cost;
        }
      };
    }

    /** False for a segment written before the pairs: the phrase answers there. */
    private boolean hasPairs(LeafReader reader) {
      return reader.getFieldInfos().fieldInfo(pairField) != null;
    }

    private TermsEnum termsEnum(LeafReader reader) throws IOException {
      Terms terms = reader.terms(pairField);
      if (terms == null) {
        return null;
      }
      TermsEnum te = terms.iterator();
      return te.seekExact(pair) ? te : null;
    }

    @Override
    public int count(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      if (!hasPairs(reader)) {
        return phraseWeight().count(context);
      }
      if (reader.hasDeletions()) {
        return -1;
      }
      TermsEnum te = termsEnum(reader);
      return te == null ? 0 : te.docFreq();
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return phraseWeight().explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return phraseWeight().matches(context, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return true;
    }
  }

  /** A pair's postings, scored as the phrase: its frequency, the field's norm (1 where it has none). */
  private static final class PairScorer extends Scorer {
    private final PostingsEnum postings;
    private final Similarity.SimScorer simScorer;
    private final NumericDocValues norms;
    private final float maxScore;

    PairScorer(PostingsEnum postings, Similarity.SimScorer simScorer, NumericDocValues norms) {
      this.postings = postings;
      this.simScorer = simScorer;
      this.norms = norms;
      // Any frequency in the shortest text: no score of this phrase is higher.
      this.maxScore = simScorer == null ? 0f : simScorer.score(Float.MAX_VALUE, 1L);
    }

    @Override
    public int docID() {
      return postings.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return postings;
    }

    @Override
    public float score() throws IOException {
      if (simScorer == null) {
        return 0f; // made without scores, yet asked (drill sideways asks every match): as Lucene's scorers answer
      }
      long norm = 1L;
      if (norms != null && norms.advanceExact(postings.docID())) {
        norm = norms.longValue();
      }
      return simScorer.score(postings.freq(), norm);
    }

    @Override
    public float getMaxScore(int upTo) {
      return maxScore;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    phrase.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return "pairs(" + phrase.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && phrase.equals(((PairPhraseQuery) other).phrase)
        && pairField.equals(((PairPhraseQuery) other).pairField);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), phrase, pairField);
  }
}
