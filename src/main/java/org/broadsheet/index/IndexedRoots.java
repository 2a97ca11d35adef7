package org.broadsheet.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/** The root folders an index's articles were found under: the distinct terms of {@link Fields#ROOT}. */
public final class IndexedRoots {
  private IndexedRoots() {
  }

  public static List<Path> of(IndexReader reader) throws IOException {
    List<Path> roots = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.ROOT);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        roots.add(Path.of(t.utf8ToString()));
      }
    }
    return roots;
  }
}
