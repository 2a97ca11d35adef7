package org.broadsheet.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * One article in {@code oneIn}, as a filter: the index read in stripes of consecutive doc ids, every
 * {@code oneIn}-th stripe kept; at least {@link #MIN_STRIPES_KEPT} stripes are kept, each of at most
 * {@link #MAX_STRIPE} doc ids. Combined with a query, its matches are a systematic sample of
 * the query's matches: spread evenly over the whole index (articles indexed in any order, by year
 * or by folder, are sampled alike), and cheap, since the query's postings skip from one kept stripe
 * to the next instead of visiting every match ({@link BroadSearch}).
 */
final class SampledDocs extends Query {
  /** Most doc ids per stripe: a few postings blocks, so that skipping between stripes skips whole blocks. */
  static final int MAX_STRIPE = 512;
  /** Fewest stripes kept: enough that the sample spreads over the whole index, however small. */
  static final int MIN_STRIPES_KEPT = 64;

  private final int oneIn;

  SampledDocs(int oneIn) {
    if (oneIn < 1) {
      throw new IllegalArgumentException("oneIn must be 1 or more");
    }
    this.oneIn = oneIn;
  }

  /** {@code query}'s matches in the sample, scored as {@code query} scores them. */
  static Query of(Query query, int oneIn) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new SampledDocs(oneIn), BooleanClause.Occur.FILTER)
        .build();
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    int stripe = (int) Math.clamp(searcher.getIndexReader().maxDoc() / ((long) oneIn * MIN_STRIPES_KEPT), 1,
        MAX_STRIPE);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        int maxDoc = context.reader().maxDoc();
        if (maxDoc == 0) {
          return null;
        }
        var it = new Stripes(context.docBase, maxDoc, stripe, oneIn);
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, it));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // which of a segment's docs are kept depends on its place in the reader
      }
    };
  }

  /** The doc ids of one segment that fall in kept stripes (stripes numbered across the whole reader). */
  static final class Stripes extends DocIdSetIterator {
    private final int base;
    private final int maxDoc;
    private final int stripe;
    private final int oneIn;
    private int doc = -1;

    Stripes(int base, int maxDoc, int stripe, int oneIn) {
      this.base = base;
      this.maxDoc = maxDoc;
      this.stripe = stripe;
      this.oneIn = oneIn;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      if (target >= maxDoc) {
        return doc = NO_MORE_DOCS;
      }
      long global = (long) base + target;
      long n = global / stripe;
      if (n % oneIn != 0) {
        global = (n / oneIn + 1) * oneIn * stripe;
      }
      long local = global - base;
      return doc = local >= maxDoc ? NO_MORE_DOCS : (int) local;
    }

    @Override
    public long cost() {
      return Math.max(1, maxDoc / oneIn);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "sample(1/" + oneIn + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && ((SampledDocs) o).oneIn == oneIn;
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + oneIn;
  }
}
