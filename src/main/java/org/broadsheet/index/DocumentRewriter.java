package org.broadsheet.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Rebuilds the documents matching a query from what the index stores ({@link StoredArticle})
 * through a {@link DocumentBuilder}, without reading their files or running NER: how a change of
 * corrections reaches the articles already indexed. The caller holds the writer and commits, so a
 * change is seen whole or not at all.
 */
public final class DocumentRewriter {
  private final DocumentBuilder builder;

  public DocumentRewriter(DocumentBuilder builder) {
    this.builder = builder;
  }

  /** Rebuilds every live document of {@code writer}'s index that matches {@code query}; returns how many. */
  public int rewrite(IndexWriter writer, Query query) throws IOException {
    int n = 0;
    // A point-in-time reader: the updates made while reading it do not change what it sees, so
    // documents stream through one at a time instead of all being held (bodies and all).
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : reader.leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator it = scorer.iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (live == null || live.get(d)) {
            StoredArticle s = StoredArticle.read(leaf.reader(), d);
            writer.updateDocument(new Term(Fields.ID, s.article().id()),
                builder.build(s.article(), s.extraction(), s.bookkeeping(), s.copies()));
            n++;
          }
          if (Thread.interrupted()) {
            throw new java.io.InterruptedIOException("rewriting interrupted");
          }
        }
      }
    }
    return n;
  }
}
