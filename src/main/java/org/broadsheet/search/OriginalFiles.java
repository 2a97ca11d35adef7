package org.broadsheet.search;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.broadsheet.index.Bookkeeping;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexedRoots;

/**
 * Which file an article id may serve: the file the index recorded for that article (never a
 * path a request names), and only while its real path, links resolved now, lies under the real
 * path of one of the folders or files the index was built from. A file that is gone, is no
 * longer a regular file, or was replaced by a link leading out of the roots is not served.
 */
public final class OriginalFiles {
  private OriginalFiles() {
  }

  /**
   * @return the article's file, or empty when no article has this id
   * @throws NoSuchFileException when the article's file is gone, or lies outside the roots now
   */
  static Optional<OriginalFile> of(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int docId = top.scoreDocs[0].doc;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    Bookkeeping file = Bookkeeping.of(leaf.reader(), docId - leaf.docBase);
    Document d = searcher.storedFields().document(docId, java.util.Set.of(Fields.PATH, Fields.CONTENT_TYPE));
    Path recorded = file != null ? Path.of(URI.create(file.uri())) : Path.of(d.get(Fields.PATH));
    return Optional.of(of(recorded, d.get(Fields.CONTENT_TYPE), IndexedRoots.of(searcher.getIndexReader())));
  }

  /**
   * The file an index recorded for an article, as it may be served, whichever engine holds the index.
   *
   * @param recorded    the article's file as the index recorded it (its file URI), never a path a request names
   * @param contentType the media type recorded, or null
   * @param roots       the folders and files the index was built from
   * @throws NoSuchFileException when the file is gone, is no longer a regular file, or lies outside the roots now
   */
  public static OriginalFile of(Path recorded, String contentType, List<Path> roots) throws IOException {
    Path real = underRoots(recorded, roots);
    return new OriginalFile(real,
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType);
  }

  /** The real path of {@code file} when it is a regular file under one of {@code roots}. */
  private static Path underRoots(Path file, List<Path> roots) throws IOException {
    NoSuchFileException gone = new NoSuchFileException("the article's file is no longer in the archive's folders");
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw gone;
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw gone;
    }
    List<Path> realRoots = new ArrayList<>();
    for (Path root : roots) {
      try {
        realRoots.add(root.toRealPath());
      } catch (IOException e) {
        // a root that is gone holds nothing to serve
      }
    }
    for (Path root : realRoots) {
      if (real.startsWith(root)) {
        return real;
      }
    }
    throw gone;
  }
}
