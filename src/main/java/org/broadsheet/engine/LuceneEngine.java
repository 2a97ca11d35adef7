package org.broadsheet.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.broadsheet.extract.Place;
import org.broadsheet.index.ArchiveIndexer;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.IndexDamagedException;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.LuceneCorrections;
import org.broadsheet.search.ArchiveSearcher;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.Completion;
import org.broadsheet.search.EntityPage;
import org.broadsheet.search.ExportSink;
import org.broadsheet.search.IndexState;
import org.broadsheet.search.OriginalFile;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.SearchSettings;

/**
 * The embedded engine: a Lucene index in the {@code lucene/} folder of an index folder, written by
 * {@link ArchiveIndexer} and read by one {@link ArchiveSearcher}, opened on first use. The
 * bookkeeping is a doc-values column of each document ({@link org.broadsheet.index.Bookkeeping}).
 */
public final class LuceneEngine implements ArchiveEngine {
  private final IndexLayout layout;
  private final SearchSettings searchSettings;
  /** The gazetteer's look-up for the searcher; asked for when the searcher opens. */
  private final Supplier<Function<String, Optional<Place>>> places;
  /** Guards {@link #searcher}. */
  private final Object searching = new Object();
  private ArchiveSearcher searcher;

  /**
   * @param places the gazetteer's look-up by place name (the map, places' pages), asked for once,
   *               when the searcher opens
   */
  public LuceneEngine(IndexLayout layout, SearchSettings searchSettings,
                      Supplier<Function<String, Optional<Place>>> places) {
    this.layout = layout;
    this.searchSettings = searchSettings;
    this.places = places;
  }

  public IndexLayout layout() {
    return layout;
  }

  @Override
  public String location() {
    return layout.root().toString();
  }

  @Override
  public boolean exists() {
    return layout.exists();
  }

  @Override
  public IndexReport index(IndexPipeline pipeline, List<Path> roots, boolean full, IndexListener listener)
      throws IOException {
    boolean existed = Files.exists(layout.root());
    try {
      Files.createDirectories(layout.root());
      ArchiveIndexer indexer = new ArchiveIndexer(layout, pipeline.parser(), pipeline.extractor(), pipeline.cache(),
          pipeline.settings());
      IndexReport report = indexer.index(roots, full, listener);
      refresh();
      return report;
    } catch (IOException | RuntimeException e) {
      if (!existed) {
        deleteQuietly(layout.root()); // a first run that failed leaves no empty index behind
      }
      throw e;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var all = Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: what is left is an empty index folder
    }
  }

  /** The rules beside the index ({@code entity-rules.json}); a change commits with its rewritten articles. */
  @Override
  public EntityCorrections corrections() {
    return new LuceneCorrections(layout);
  }

  @Override
  public void refresh() throws IOException {
    ArchiveSearcher s;
    synchronized (searching) {
      s = searcher;
    }
    if (s != null) {
      s.refresh();
    }
  }

  @Override
  public List<Path> indexedRoots() throws IOException {
    return searcher().indexedRoots();
  }

  @Override
  public void openForSearch() throws IOException {
    searcher();
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return searcher().search(request);
  }

  @Override
  public long export(SearchRequest request, ExportSink sink) throws IOException {
    return searcher().export(request, sink);
  }

  @Override
  public List<SearchResult.FacetValue> facetValues(SearchRequest request, String dim, String prefix, int limit)
      throws IOException {
    return searcher().facetValues(request, dim, prefix, limit);
  }

  @Override
  public Optional<ArticleView> article(String id) throws IOException {
    return searcher().article(id);
  }

  @Override
  public Optional<OriginalFile> original(String id) throws IOException {
    return searcher().original(id);
  }

  @Override
  public List<Completion> complete(String prefix, int limit) throws IOException {
    return searcher().complete(prefix, limit);
  }

  @Override
  public Optional<EntityPage> entity(SearchRequest scope, String dim, String value) throws IOException {
    return searcher().entity(scope, dim, value);
  }

  /** @throws IndexDamagedException when the index cannot be read */
  @Override
  public IndexState state() throws IOException {
    return searcher().state();
  }

  private ArchiveSearcher searcher() throws IOException {
    synchronized (searching) {
      if (searcher == null) {
        if (!layout.exists()) {
          throw new java.nio.file.NoSuchFileException(layout.root().toString(), null,
              "no index here yet; run 'broadsheet index PATH' first");
        }
        try {
          searcher = new ArchiveSearcher(layout, searchSettings, places.get());
        } catch (IOException e) {
          throw IndexDamagedException.named(layout.root(), e);
        }
      }
      return searcher;
    }
  }

  @Override
  public void close() throws IOException {
    ArchiveSearcher s;
    synchronized (searching) {
      s = searcher;
      searcher = null;
    }
    if (s != null) {
      s.close();
    }
  }
}
