package org.broadsheet.index;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The roots an index's live articles were indexed through (the terms of {@link Fields#ROOT}),
 * less those inside another: what {@code reindex} walks again.
 */
public final class IndexedRoots {
  private IndexedRoots() {
  }

  public static List<Path> of(IndexReader reader) throws IOException {
    List<Path> roots = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.ROOT);
    if (terms != null) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        // A term outlives its documents until segments merge: count only roots with live articles.
        if (searcher.count(new TermQuery(new Term(Fields.ROOT, BytesRef.deepCopyOf(t)))) == 0) {
          continue;
        }
        String root = t.utf8ToString();
        // Schema 4 on: file: URIs; before: plain absolute paths (read once, for the schema rebuild).
        roots.add(root.startsWith("file:") ? Path.of(URI.create(root)) : Path.of(root));
      }
    }
    roots.removeIf(r -> roots.stream().anyMatch(o -> !o.equals(r) && r.startsWith(o)));
    return roots;
  }
}
