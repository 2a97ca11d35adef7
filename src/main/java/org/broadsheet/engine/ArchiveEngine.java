package org.broadsheet.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.Completion;
import org.broadsheet.search.EntityPage;
import org.broadsheet.search.ExportSink;
import org.broadsheet.search.IndexState;
import org.broadsheet.search.OriginalFile;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;

/**
 * The index behind an archive, whichever engine holds it: everything {@link org.broadsheet.Broadsheet}
 * asks of it. An engine is safe for concurrent use; one indexing run at a time is the caller's
 * rule ({@code Broadsheet} holds a lock for it), searches do not wait for it.
 *
 * <p>Errors are the same on every engine: a query the user can fix is a
 * {@link org.broadsheet.search.BadQueryException} (a 400), a full engine a
 * {@link org.broadsheet.search.SearchBusyException}, an index that is not there yet a
 * {@link java.nio.file.NoSuchFileException} from the reading calls.
 */
public interface ArchiveEngine extends AutoCloseable {

  /** Where the index is, for messages: a folder, or a cluster's index URL. */
  String location();

  /** True once something has been committed to this index. */
  boolean exists() throws IOException;

  // Writing

  /**
   * Brings the index up to date with these paths: incrementally (unchanged files are not read
   * again; what leaves the index is {@link org.broadsheet.index.Deletions}' rule), or, with
   * {@code full}, rebuilt from nothing while the old index stays searchable. The bookkeeping that
   * makes the next run incremental (content hash, stamp, root of each article) is the engine's to
   * keep, committed with the articles, so a crash mid-run loses nothing a rerun does not redo.
   */
  IndexReport index(IndexPipeline pipeline, List<Path> roots, boolean full, IndexListener listener)
      throws IOException;

  /** Searches see the latest commit now rather than at the engine's next refresh. */
  void refresh() throws IOException;

  /** Every root folder the articles in the index were found under, from the latest commit: for {@code reindex}. */
  List<Path> indexedRoots() throws IOException;

  /**
   * The people's corrections to the entities, kept with the index so that every run applies them
   * (and, on a cluster, every machine's): the rules, and changes to them that rewrite the articles
   * they touch.
   */
  EntityCorrections corrections();

  // Reading

  /** Opens the index for reading now, so that a server finds a missing or damaged one before it serves. */
  void openForSearch() throws IOException;

  /** One page of hits, the total, the facets counted drill-sideways, the timeline and the map's places. */
  SearchResult search(SearchRequest request) throws IOException;

  /** Every article matching {@code request}, one at a time to {@code sink}; memory of one page. */
  long export(SearchRequest request, ExportSink sink) throws IOException;

  /** The values of one facet dimension for the hits of {@code request}, those starting with {@code prefix}. */
  List<SearchResult.FacetValue> facetValues(SearchRequest request, String dim, String prefix, int limit)
      throws IOException;

  /** One article by its API id, with its related articles. */
  Optional<ArticleView> article(String id) throws IOException;

  /** The source file of an article, while it may be served. */
  Optional<OriginalFile> original(String id) throws IOException;

  /** Search-box completions: entity names and common words starting with {@code prefix}. */
  List<Completion> complete(String prefix, int limit) throws IOException;

  /** The page of one entity within the query and filters of {@code scope}. */
  Optional<EntityPage> entity(SearchRequest scope, String dim, String value) throws IOException;

  /** The commit searches read now and its article count: the health check and the answers' validator. */
  IndexState state() throws IOException;

  @Override
  void close() throws IOException;
}
