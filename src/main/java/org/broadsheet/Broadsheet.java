package org.broadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.extract.CoreNlpExtractor;
import org.broadsheet.extract.Countries;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.ExtractedArticle;
import org.broadsheet.extract.ExtractionCache;
import org.broadsheet.extract.Gazetteer;
import org.broadsheet.engine.ArchiveEngine;
import org.broadsheet.engine.IndexPipeline;
import org.broadsheet.engine.LuceneEngine;
import org.broadsheet.opensearch.OpenSearchEngine;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.index.IndexDamagedException;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.IndexState;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.SearchSettings;

/**
 * The archive as a library: index folders of articles, search them, read one article.
 * The command line and the web server use exactly these calls.
 *
 * <pre>{@code
 * try (Broadsheet archive = Broadsheet.open(Path.of("index"))) {
 *   archive.index(List.of(Path.of("corpus")));
 *   SearchResult r = archive.search(SearchRequest.of("Rafah"));
 * }
 * }</pre>
 *
 * Heavy parts (Tika's parsers, the NER models, the searcher) are created on first use,
 * so opening an archive only to search does not load the NER models.
 *
 * <p>The index itself is an {@link ArchiveEngine}: the embedded Lucene index in the index folder
 * ({@link LuceneEngine}) unless another engine is given. The index folder keeps what lies beside
 * the index whichever engine holds it: the extraction cache and the entity corrections.
 */
public final class Broadsheet implements AutoCloseable {
  private final IndexLayout layout;
  private final IndexSettings settings;
  private final ParserLimits limits;
  private ArticleParser parser;
  private Gazetteer gazetteer;
  private EntityExtractor extractor;
  /** An extractor given to {@link #open(Path, IndexSettings, ParserLimits, SearchSettings, EntityExtractor)}: its owner closes it. */
  private final EntityExtractor givenExtractor;
  private ExtractionCache cache;
  /** The index; safe for concurrent use. The parts above are guarded by {@code this} (loading the NER models holds it). */
  private final ArchiveEngine engine;
  /** Held for a whole indexing run. */
  private final Object indexing = new Object();

  private Broadsheet(Path indexDir, OpenSearchTarget cluster, IndexSettings settings, ParserLimits limits,
                     SearchSettings searchSettings, EntityExtractor givenExtractor) {
    this.layout = new IndexLayout(indexDir.toAbsolutePath().normalize());
    this.settings = settings;
    this.limits = limits;
    this.givenExtractor = givenExtractor;
    this.engine = cluster == null
        ? new LuceneEngine(layout, searchSettings, this::places)
        : new OpenSearchEngine(cluster, layout, this::places);
  }

  public static Broadsheet open(Path indexDir) {
    return open(indexDir, IndexSettings.defaults(), ParserLimits.DEFAULT);
  }

  public static Broadsheet open(Path indexDir, IndexSettings settings, ParserLimits limits) {
    return open(indexDir, settings, limits, SearchSettings.defaults());
  }

  /** @param searchSettings how searches share the cores, and the size of the result cache */
  public static Broadsheet open(Path indexDir, IndexSettings settings, ParserLimits limits,
                                SearchSettings searchSettings) {
    return new Broadsheet(indexDir, null, settings, limits, searchSettings, null);
  }

  /**
   * The archive on an OpenSearch cluster instead of the embedded index ({@code --opensearch URL}).
   *
   * @param indexDir a local folder for what lies beside the index: the extraction cache and the entity corrections
   * @param cluster  the cluster and index name, with credentials ({@link OpenSearchTarget#parse})
   */
  public static Broadsheet open(Path indexDir, OpenSearchTarget cluster, IndexSettings settings, ParserLimits limits,
                                SearchSettings searchSettings) {
    return new Broadsheet(indexDir, java.util.Objects.requireNonNull(cluster), settings, limits, searchSettings, null);
  }

  /** On an OpenSearch cluster, with an entity extractor the caller made and keeps. */
  public static Broadsheet open(Path indexDir, OpenSearchTarget cluster, IndexSettings settings, ParserLimits limits,
                                SearchSettings searchSettings, EntityExtractor extractor) {
    return new Broadsheet(indexDir, java.util.Objects.requireNonNull(cluster), settings, limits, searchSettings,
        java.util.Objects.requireNonNull(extractor));
  }

  /**
   * With an entity extractor the caller made and keeps (the tests share one: loading CoreNLP's
   * models takes seconds); {@link #close} leaves it open.
   */
  public static Broadsheet open(Path indexDir, IndexSettings settings, ParserLimits limits,
                                SearchSettings searchSettings, EntityExtractor extractor) {
    return new Broadsheet(indexDir, null, settings, limits, searchSettings, java.util.Objects.requireNonNull(extractor));
  }

  public Path indexDir() {
    return layout.root();
  }

  /** Where the index is, for messages: the index folder, or a cluster's index URL. */
  public String location() {
    return engine.location();
  }

  /** True once something has been committed to this index. */
  public boolean exists() throws IOException {
    return engine.exists();
  }

  /** Brings the index up to date with these folders (incrementally). */
  public IndexReport index(List<Path> roots) throws IOException {
    return index(roots, false, IndexListener.NONE);
  }

  /**
   * @param full rebuild from nothing; the old index stays searchable until the new one is complete
   */
  public IndexReport index(List<Path> roots, boolean full, IndexListener listener) throws IOException {
    // One indexing run at a time; searches do not wait for it (they see each commit as it lands).
    synchronized (indexing) {
      IndexPipeline pipeline = settings.extract()
          ? new IndexPipeline(parser(), extractor(), cache(), settings)
          : new IndexPipeline(parser(), null, null, settings);
      return engine.index(pipeline, roots, full, listener);
    }
  }

  /** Searches see the latest commit now rather than at the searcher's next refresh (within a second). */
  public void refresh() throws IOException {
    engine.refresh();
  }

  /** The roots this index was built from, for {@code reindex}. */
  public List<Path> indexedRoots() throws IOException {
    return engine.indexedRoots();
  }

  public SearchResult search(SearchRequest request) throws IOException {
    return engine.search(request);
  }

  public SearchResult search(String query) throws IOException {
    return search(SearchRequest.of(query));
  }

  /**
   * Every article matching {@code request}, one at a time to {@code sink}, with no page limit:
   * what {@code /api/export} and {@code search --all} write. Memory stays that of one page.
   *
   * @return how many articles were written
   */
  public long export(SearchRequest request, org.broadsheet.search.ExportSink sink) throws IOException {
    return engine.export(request, sink);
  }

  public Optional<ArticleView> article(String id) throws IOException {
    return engine.article(id);
  }

  /**
   * The source file of an article, for handing out as it is: only while it is a regular file under
   * the folders the index was built from.
   *
   * @throws java.nio.file.NoSuchFileException when the article's file is gone or now lies outside them
   */
  public Optional<org.broadsheet.search.OriginalFile> original(String id) throws IOException {
    return engine.original(id);
  }

  /**
   * Completions for a search box: names of people, places and organisations with a word starting
   * with {@code prefix}, and common words starting with it, most articles first.
   */
  public List<org.broadsheet.search.Completion> complete(String prefix, int limit) throws IOException {
    return engine.complete(prefix, limit);
  }

  /**
   * The page of one entity ({@code dim}: people, places or organizations) within the query and
   * filters of {@code scope}; empty when no article has that value.
   */
  public Optional<org.broadsheet.search.EntityPage> entity(SearchRequest scope, String dim, String value)
      throws IOException {
    return engine.entity(scope, dim, value);
  }

  /**
   * The people's corrections to the entities of this index: the rules, and changes to them that
   * rebuild the articles they touch in one commit (searches see it at their next refresh).
   */
  public org.broadsheet.index.EntityCorrections corrections() {
    return new org.broadsheet.index.EntityCorrections(layout);
  }

  public List<SearchResult.FacetValue> facetValues(SearchRequest request, String dim, String prefix, int limit)
      throws IOException {
    return engine.facetValues(request, dim, prefix, limit);
  }

  /**
   * The index commit searches read now and its article count: a server's health check, and the
   * validator of answers (an answer changes only when the commit does).
   *
   * @throws IndexDamagedException when the index cannot be read
   */
  public IndexState indexState() throws IOException {
    return engine.state();
  }

  private synchronized ArticleParser parser() {
    if (parser == null) {
      parser = new ArticleParser(limits);
    }
    return parser;
  }

  /**
   * Reads one file and finds its entities, without indexing it: what {@code broadsheet extract} prints.
   * The index folder's corrections (archive-wide aliases, then people's rules) apply as they would
   * when indexing, each changed mention naming its rule; none when there is no index folder.
   *
   * @throws org.broadsheet.ingest.SkippedFileException when the file is not an article Broadsheet can read
   * @throws IOException when a corrections file beside the index cannot be read
   */
  public ExtractedArticle extract(Path file) throws org.broadsheet.ingest.SkippedFileException, IOException {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new org.broadsheet.ingest.SkippedFileException.NotAnArticle(file,
          "is a folder: extract reads files ('broadsheet index' reads folders)");
    }
    org.broadsheet.ingest.Article article = parser().parse(abs);
    org.broadsheet.index.ArchiveCorrections corrections = org.broadsheet.index.ArchiveCorrections.read(layout);
    return new ExtractedArticle(article, corrections.apply(extractor().extract(article)));
  }

  /**
   * Places by name for the searcher (the map, places' pages): the archive's one gazetteer, loading
   * in the background from the moment the searcher opens, so that the first search does not wait
   * for it (seconds on a busy machine).
   */
  private java.util.function.Function<String, Optional<org.broadsheet.extract.Place>> places() {
    java.util.concurrent.CompletableFuture<Gazetteer> loading =
        java.util.concurrent.CompletableFuture.supplyAsync(this::gazetteer);
    return name -> loading.join().lookup(name);
  }

  /** The gazetteer entry of a place name: its country and, for cities, coordinates. */
  public synchronized Optional<org.broadsheet.extract.Place> place(String name) {
    return gazetteer().lookup(name);
  }

  private synchronized Gazetteer gazetteer() {
    if (gazetteer == null) {
      gazetteer = Gazetteer.loadDefault(new Countries());
    }
    return gazetteer;
  }

  /** The entity extractor: the NER models load on first use, once per archive, shared by all threads. */
  private synchronized EntityExtractor extractor() {
    if (givenExtractor != null) {
      return givenExtractor;
    }
    if (extractor == null) {
      extractor = new CoreNlpExtractor(gazetteer());
    }
    return extractor;
  }

  /** Extraction results kept beside the index by content hash, so a rebuild does not run NER again. */
  private synchronized ExtractionCache cache() {
    if (cache == null) {
      cache = new ExtractionCache(layout.extractions());
    }
    return cache;
  }

  /**
   * Opens the index for searching now rather than at the first search, so that a server finds a
   * missing or damaged index before it says it is serving.
   *
   * @throws IndexDamagedException when the index cannot be read; {@code index --full} rebuilds it
   */
  public void openForSearch() throws IOException {
    engine.openForSearch();
  }

  @Override
  public synchronized void close() throws IOException {
    try (engine; ArticleParser p = parser; EntityExtractor x = extractor; ExtractionCache c = cache) {
      parser = null;
      extractor = null;
      cache = null;
    }
  }
}
