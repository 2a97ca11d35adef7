package org.broadsheet.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What the index knows of each article's file, kept in one binary doc-values column
 * ({@link Fields#BOOKKEEPING}) so that a re-index reads it without decompressing stored bodies,
 * and so that a touched but unchanged file's new stamp can be written in place
 * ({@link IndexWriter#updateBinaryDocValue}) without indexing the article again.
 *
 * @param id    the article id
 * @param uri   the file's identity ({@link org.broadsheet.ingest.ArticleId#uri})
 * @param root  the {@code file:} URI of the root it was indexed through
 * @param hash  SHA-256 of the file's bytes
 * @param stamp "size:lastModifiedMillis" of the file when last seen
 */
public record Bookkeeping(String id, String uri, String root, String hash, String stamp) {
  private static final char SEP = '\0';

  public BytesRef encode() {
    return new BytesRef(id + SEP + uri + SEP + root + SEP + hash + SEP + stamp);
  }

  public Bookkeeping withStamp(String newStamp) {
    return new Bookkeeping(id, uri, root, hash, newStamp);
  }

  static Bookkeeping decode(BytesRef bytes) {
    String s = bytes.utf8ToString();
    String[] v = new String[5];
    int from = 0;
    for (int i = 0; i < 4; i++) {
      int to = s.indexOf(SEP, from);
      if (to < 0) {
        throw new IllegalStateException("bookkeeping column of another schema: " + (i + 1) + " parts");
      }
      v[i] = s.substring(from, to);
      from = to + 1;
    }
    v[4] = s.substring(from);
    return new Bookkeeping(v[0], v[1], v[2], v[3], v[4]);
  }

  /** The bookkeeping of document {@code doc} of a leaf, or null when it has none. */
  public static Bookkeeping of(org.apache.lucene.index.LeafReader leaf, int doc) throws IOException {
    BinaryDocValues column = leaf.getBinaryDocValues(Fields.BOOKKEEPING);
    return column != null && column.advanceExact(doc) ? decode(column.binaryValue()) : null;
  }

  /**
   * Id → bookkeeping of every live article in the last commit of the index {@code writer} has just
   * opened, before it writes anything: read from the commit, not through a near-real-time reader of
   * the writer, which on ten thousand articles took 0.6 s to open against 0.03 s (most of an
   * unchanged re-index).
   */
  static Map<String, Bookkeeping> read(IndexWriter writer) throws IOException {
    if (writer.hasUncommittedChanges()) {
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        return read(reader);
      }
    }
    if (!DirectoryReader.indexExists(writer.getDirectory())) {
      return new HashMap<>();
    }
    try (DirectoryReader reader = DirectoryReader.open(writer.getDirectory())) {
      return read(reader);
    }
  }

  /** Id → bookkeeping of every live article {@code reader} sees. */
  public static Map<String, Bookkeeping> read(IndexReader reader) throws IOException {
    Map<String, Bookkeeping> known = HashMap.newHashMap(reader.numDocs());
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues column = leaf.reader().getBinaryDocValues(Fields.BOOKKEEPING);
      if (column == null) {
        continue;
      }
      for (int d = column.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = column.nextDoc()) {
        if (live == null || live.get(d)) {
          Bookkeeping b = decode(column.binaryValue());
          known.put(b.id(), b);
        }
      }
    }
    return known;
  }
}
