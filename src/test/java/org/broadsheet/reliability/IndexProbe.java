package org.broadsheet.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexLayout;

/** Looks into an index from outside the code under test: what is committed, and how many live documents carry each id. */
final class IndexProbe {
  private IndexProbe() {
  }

  /** Live documents in the last commit; 0 when nothing has been committed yet. */
  static int committedDocs(Path indexRoot) throws IOException {
    try (Directory dir = FSDirectory.open(new IndexLayout(indexRoot).lucene())) {
      if (!DirectoryReader.indexExists(dir)) {
        return 0;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return reader.numDocs();
      }
    }
  }

  /** Id → number of live documents with that id, read term by term from the {@code id} field. */
  static Map<String, Integer> idCounts(Path indexRoot) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    try (Directory dir = FSDirectory.open(new IndexLayout(indexRoot).lucene());
         DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(Fields.ID);
        if (terms == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        while (te.next() != null) {
          postings = te.postings(postings, PostingsEnum.NONE);
          int n = 0;
          for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            if (live == null || live.get(d)) {
              n++;
            }
          }
          if (n > 0) {
            counts.merge(te.term().utf8ToString(), n, Integer::sum);
          }
        }
      }
    }
    return counts;
  }
}
