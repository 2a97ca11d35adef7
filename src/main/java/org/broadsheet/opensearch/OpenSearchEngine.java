package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.broadsheet.engine.ArchiveEngine;
import org.broadsheet.engine.IndexPipeline;
import org.broadsheet.extract.Place;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.Completion;
import org.broadsheet.search.EntityPage;
import org.broadsheet.search.ExportSink;
import org.broadsheet.search.IndexState;
import org.broadsheet.search.OriginalFile;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;

/**
 * The archive on an OpenSearch cluster: {@link ClusterIndex} (the alias and its generations, the
 * bookkeeping), {@link ClusterIndexer} (indexing runs), {@link ClusterSearcher} (searches and facet
 * lists), {@link ClusterArticles} (one article) and {@link ClusterCorrections} (the entity
 * corrections, kept in the cluster). The local index folder still holds the extraction cache.
 *
 * <p>Completions ({@link ClusterCompletions}), entity pages ({@link ClusterEntityPages}) and original
 * files answer as the embedded index's do.
 */
public final class OpenSearchEngine implements ArchiveEngine {
  private final OpenSearchClient client;
  private final ClusterIndex index;
  private final IndexLayout local;
  private final ClusterSearcher searcher;
  private final ClusterArticles articles;
  private final ClusterCorrections corrections;
  private final ClusterCompletions completions;
  private final ClusterEntityPages entities;

  /**
   * @param local  the index folder that keeps the extraction cache
   * @param places the gazetteer's look-up by place name (the map, places' pages), asked for when first needed
   */
  public OpenSearchEngine(OpenSearchTarget target, IndexLayout local,
                          Supplier<Function<String, Optional<Place>>> places) {
    this.client = new OpenSearchClient(target);
    this.index = new ClusterIndex(client);
    this.local = local;
    Supplier<Function<String, Optional<Place>>> once = new Memo<>(places);
    this.searcher = new ClusterSearcher(client, target.index(), name -> once.get().apply(name));
    this.articles = new ClusterArticles(client, target.index());
    this.corrections = new ClusterCorrections(client, index);
    this.completions = new ClusterCompletions(client, target.index(), searcher);
    this.entities = new ClusterEntityPages(client, searcher, once);
  }

  @Override
  public String location() {
    return client.target().location();
  }

  @Override
  public boolean exists() throws IOException {
    return index.exists();
  }

  @Override
  public IndexReport index(IndexPipeline pipeline, List<Path> roots, boolean full, IndexListener listener)
      throws IOException {
    try {
      return new ClusterIndexer(client, index).index(pipeline, roots, full, listener, corrections);
    } finally {
      searcher.changed();
    }
  }

  /** The rules in the cluster ({@code <name>-corrections}), shared by every machine indexing into it. */
  @Override
  public EntityCorrections corrections() {
    return corrections;
  }

  @Override
  public void refresh() throws IOException {
    if (index.exists()) {
      index.refresh(index.alias());
    }
    searcher.changed();
  }

  @Override
  public List<Path> indexedRoots() throws IOException {
    openForSearch();
    return index.roots().stream().map(ArticleId::file).toList();
  }

  @Override
  public void openForSearch() throws IOException {
    if (!index.exists()) {
      throw new NoSuchFileException(location(), null,
          "no index there yet; run 'broadsheet index --opensearch " + location() + " PATH' first");
    }
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    openForSearch();
    return searcher.search(request);
  }

  @Override
  public List<SearchResult.FacetValue> facetValues(SearchRequest request, String dim, String prefix, int limit)
      throws IOException {
    openForSearch();
    return searcher.facetValues(request, dim, prefix, limit);
  }

  @Override
  public Optional<ArticleView> article(String id) throws IOException {
    openForSearch();
    return articles.read(id);
  }

  @Override
  public long export(SearchRequest request, ExportSink sink) throws IOException {
    openForSearch();
    return searcher.export(request, sink);
  }

  @Override
  public Optional<OriginalFile> original(String id) throws IOException {
    return articles.original(id, indexedRoots());
  }

  @Override
  public List<Completion> complete(String prefix, int limit) throws IOException {
    openForSearch();
    return completions.complete(prefix, limit);
  }

  @Override
  public Optional<EntityPage> entity(SearchRequest scope, String dim, String value) throws IOException {
    openForSearch();
    try {
      return entities.page(scope, dim, value);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The generation searched and how many writes it has taken: changes with every write, and between indexes. */
  @Override
  public IndexState state() throws IOException {
    openForSearch();
    JsonNode stats = client.send("GET", "/" + index.alias() + "/_stats/docs,indexing", null);
    String generation = stats.path("indices").fieldNames().hasNext() ? stats.path("indices").fieldNames().next() : "";
    JsonNode primaries = stats.path("_all").path("primaries");
    long writes = primaries.path("indexing").path("index_total").asLong()
        + primaries.path("indexing").path("delete_total").asLong();
    return new IndexState(generation + "-" + writes, (int) primaries.path("docs").path("count").asLong());
  }

  /** A supplier asked once, when first needed. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> from;
    private volatile T value;

    Memo(Supplier<T> from) {
      this.from = from;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = from.get();
      }
      return value;
    }
  }

  @Override
  public void close() {
    try (client) {
      searcher.close();
    }
  }
}
