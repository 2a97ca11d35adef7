package org.broadsheet.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.broadsheet.extract.Place;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.IndexedRoots;

/**
 * Searches the archive. Each search, in turn with the others ({@link SearchSlots}) and cached per
 * index reader ({@link ResultCache}), goes:
 * <ol>
 *   <li>parse the query ({@link ArchiveQueryParser}), its body phrases answered from word pairs for
 *       matching ({@link PairPhrases});</li>
 *   <li>apply the filters ({@link DrillDown});</li>
 *   <li>find the top hits, the total and the facet counts at once ({@link FacetedSearch}); a search
 *       matching more articles than {@link SearchSettings#exactCountsUpTo()} counts on a sample and
 *       finds its hits apart ({@link BroadSearch});</li>
 *   <li>read the page of hits with snippets ({@link HitReader}), the facet values
 *       ({@link FacetLists}), the timeline ({@link Timeline}) and the map's places ({@link MapPlaces});</li>
 *   <li>when it found few articles, look for a respelt query that finds more ({@link DidYouMean}).</li>
 * </ol>
 * One entity's page is {@link EntityProfiles}' work, in turn and cached like a search.
 * One article is read by {@link ArticleReader} with its {@link RelatedArticles}. The searchers
 * come from {@link SearcherLifecycle}, which sees new commits within a second.
 */
public final class ArchiveSearcher implements AutoCloseable {
  private final SearcherLifecycle searchers;
  private final FacetsConfig config = Fields.facetsConfig();
  private final Analyzer analyzer = ArchiveAnalyzer.forQueries();
  /** MoreLikeThis re-analyses stored text as it was indexed. */
  private final Analyzer indexAnalyzer = ArchiveAnalyzer.forIndexing();
  private final ArchiveQueryParser parser = new ArchiveQueryParser(analyzer);
  private final HitReader hitReader = new HitReader(analyzer);
  private final DidYouMean didYouMean = new DidYouMean(parser, analyzer);
  private final ArticleReader articleReader = new ArticleReader(new RelatedArticles(indexAnalyzer));
  private final SearchSettings settings;
  private final SearchSlots slots;
  private final Function<String, Optional<Place>> gazetteer;
  private final EntityProfiles entities;
  private volatile ReaderState readerState;
  private final Completions completions;

  /** A facet list request, as a cache key. */
  private record FacetListKey(SearchRequest request, String dim, String prefix, int limit) {
  }

  /** An entity page request, as a cache key: the value by its key, as the page merges spellings. */
  private record EntityKey(SearchRequest scope, String dim, String key) {
  }

  public ArchiveSearcher(IndexLayout layout) throws IOException {
    this(layout, SearchSettings.defaults());
  }

  public ArchiveSearcher(IndexLayout layout, SearchSettings settings) throws IOException {
    this(layout, settings, defaultGazetteer());
  }

  /** @param gazetteer a place's entry by name: the coordinates of the map and of places' pages */
  public ArchiveSearcher(IndexLayout layout, SearchSettings settings, Function<String, Optional<Place>> gazetteer)
      throws IOException {
    this.settings = settings;
    this.gazetteer = gazetteer;
    this.entities = new EntityProfiles(parser, hitReader, config, gazetteer);
    this.slots = new SearchSlots(settings.concurrentSearches(), settings.queueTimeout());
    this.searchers = new SearcherLifecycle(layout.lucene());
    this.completions = new Completions(() -> searchers.withSearcher(searcher -> {
      ReaderState rs = readerState(searcher.getIndexReader());
      return new Completions.Built(rs.reader(), CompletionIndex.build(rs.reader(), rs.spellings(),
          rs.entityWords().get()));
    }));
    searchers.onNewReader(completions::readerChanged);
  }

  /** Sees the latest commit now rather than within a second. */
  public void refresh() throws IOException {
    searchers.refresh();
  }

  /**
   * Runs one search, or answers it from the results already computed from this reader.
   * Computing waits for a free slot ({@link SearchSettings#concurrentSearches()}).
   *
   * @throws SearchBusyException when no slot came free within the queue timeout
   */
  public SearchResult search(SearchRequest r) throws IOException {
    long start = System.nanoTime();
    SearchResult result = searchers.withSearcher(searcher -> {
      ReaderState rs = readerState(searcher.getIndexReader());
      return rs.results().get(r, () -> slots.inTurn(() -> compute(searcher, rs, r)));
    });
    return result.withTookMs((System.nanoTime() - start) / 1_000_000);
  }

  private SearchResult compute(IndexSearcher searcher, ReaderState rs, SearchRequest r) throws IOException {
    return withinCostLimits(() -> {
      Query query = parser.parse(r.query(), searcher.getIndexReader());
      // Matched and counted with phrases answered from word pairs; highlighted as parsed.
      FacetedSearch found = FacetedSearch.run(searcher, config, rs, PairPhrases.rewrite(query), r,
          settings.exactCountsUpTo());
      List<SearchResult.Hit> hits = Respelling.hits(hitReader.read(searcher, query, found.hits(), found.total()),
          rs.spellings());
      String next = found.hits().size() == r.size() ? found.hits().get(r.size() - 1).cursor().encode(r.sort()) : null;
      String[] published = DrillDown.publishedPath(r);
      // Only a query that found few articles pays for a respelling.
      SearchResult.Suggestion suggestion = didYouMean.suggest(searcher, rs, config, r, found.total());
      if (found.facets() == null) {
        return new SearchResult(r.query(), found.total(), found.groups(), found.estimated(), r.page(), r.size(), sortName(r), 0, hits,
            FacetLists.empty(), Timeline.none(), List.of(), next, suggestion);
      }
      SearchResult.Histogram timeline = rs.has(Fields.FACET_PUBLISHED)
          ? Timeline.of(Timeline.counts(found.facets()), published)
          : Timeline.none();
      return new SearchResult(r.query(), found.total(), found.groups(), found.estimated(), r.page(), r.size(), sortName(r), 0, hits,
          FacetLists.of(found.facets(), rs, published), timeline, map(rs, r, found), next, suggestion);
    });
  }

  /**
   * Runs {@code work}, turning the cost limits Lucene enforces while it rewrites a query (too many
   * clauses, a wildcard too complex to determinize) into the one-line 400 a user can act on.
   */
  private static <T> T withinCostLimits(SearchSlots.Work<T> work) throws IOException {
    try {
      return work.run();
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("the query expands to too many terms; make it more specific", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new BadQueryException("the query is too complex; make wildcards more specific", e);
    }
  }

  private static String sortName(SearchRequest r) {
    return r.sort().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Hands every article matching {@code r} to {@code sink}, in the request's order, page by page
   * ({@link ExportPager}): no depth limit, and memory for one page only. Filters, exclusions and
   * {@code group} apply; {@code collapse}, {@code page}, {@code size} and {@code after} do not.
   *
   * @return how many articles were written
   */
  public long export(SearchRequest r, ExportSink sink) throws IOException {
    return searchers.withSearcher(searcher -> {
      ReaderState rs = readerState(searcher.getIndexReader());
      return withinCostLimits(() -> {
        Query query = DrillDown.of(r, PairPhrases.rewrite(parser.parse(r.query(), searcher.getIndexReader())), config);
        return ExportPager.export(searcher, slots, query, r, rs.spellings(), sink);
      });
    });
  }

  /**
   * The places of the matching articles for the map. Drill sideways counts a selected dimension as
   * if it were not selected; under a places filter the map shows the matches' own places instead.
   */
  private List<SearchResult.MapPlace> map(ReaderState rs, SearchRequest r, FacetedSearch found) throws IOException {
    if (!rs.has(Fields.FACET_PLACES)) {
      return List.of();
    }
    Facets counts = r.filters().containsKey(Fields.FACET_PLACES) && found.matches() != null
        ? ScaledFacets.of(new SortedSetDocValuesFacetCounts(rs.state(), found.matches()), found.oneIn())
        : found.facets();
    FacetResult places;
    try {
      places = counts.getAllChildren(Fields.FACET_PLACES);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return places == null ? List.of() : MapPlaces.of(places.labelValues, rs.spellings(), gazetteer);
  }

  /**
   * The page of one entity within the scope of {@code scope} (its query and filters; its sort and
   * paging are not used), or empty when no article in the index has that value.
   *
   * @throws BadQueryException for a dimension other than people, places or organizations
   */
  public Optional<EntityPage> entity(SearchRequest scope, String dim, String value) throws IOException {
    SearchRequest s = EntityScope.of(scope, dim, value);
    return searchers.withSearcher(searcher -> {
      ReaderState rs = readerState(searcher.getIndexReader());
      EntityKey key = new EntityKey(s, dim, org.broadsheet.index.FacetKeys.key(value));
      return rs.results().get(key, () -> slots.inTurn(
          () -> withinCostLimits(() -> entities.compute(searcher, rs, s, dim, value))));
    });
  }

  /**
   * The gazetteer packed in the jar, for a searcher made without one: loaded once per process on
   * first use (the holder idiom; it is immutable), so searchers that tests and tools open by the
   * dozen share it.
   */
  private static Function<String, Optional<Place>> defaultGazetteer() {
    return name -> DefaultGazetteer.INSTANCE.lookup(name);
  }

  private static final class DefaultGazetteer {
    static final org.broadsheet.extract.Gazetteer INSTANCE =
        org.broadsheet.extract.Gazetteer.loadDefault(new org.broadsheet.extract.Countries());
  }

  /** All values of one facet dimension for the hits of {@code r}, optionally only those starting with {@code prefix}. */
  public List<SearchResult.FacetValue> facetValues(SearchRequest r, String dim, String prefix, int limit)
      throws IOException {
    if (!Fields.FILTER_DIMS.contains(dim)) {
      throw new BadQueryException("unknown facet '" + dim + "'; use one of " + String.join(", ", Fields.FILTER_DIMS));
    }
    return searchers.withSearcher(searcher -> {
      ReaderState rs = readerState(searcher.getIndexReader());
      return rs.results().get(new FacetListKey(r, dim, prefix, limit),
          () -> slots.inTurn(() -> computeFacetValues(searcher, rs, r, dim, prefix, limit)));
    });
  }

  private List<SearchResult.FacetValue> computeFacetValues(IndexSearcher searcher, ReaderState rs, SearchRequest r,
                                                           String dim, String prefix, int limit) throws IOException {
    return withinCostLimits(() -> {
      try {
        Query query = PairPhrases.rewrite(parser.parse(r.query(), searcher.getIndexReader()));
        if (rs.state() == null) {
          return List.of();
        }
        DrillSideways ds = new DrillSideways(searcher, config, rs.state());
        FacetResult all = ds.search(DrillDown.of(r, query, config), 1).facets.getAllChildren(dim);
        return all == null ? List.of() : FacetLists.matching(all.labelValues, rs.spellings(), dim, prefix, limit);
      } catch (BadQueryException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        return List.of(); // no article has a value in this dimension yet
      }
    });
  }

  public Optional<ArticleView> article(String id) throws IOException {
    // In turn with the searches: finding related articles is a search of its own.
    return searchers.withSearcher(searcher -> {
      Spellings spellings = readerState(searcher.getIndexReader()).spellings();
      return slots.inTurn(() -> articleReader.read(searcher, id)).map(a -> Respelling.article(a, spellings));
    });
  }

  /**
   * The source file of an article, when it may be served ({@link OriginalFiles}): a look-up by id,
   * without waiting for a search slot.
   *
   * @throws java.nio.file.NoSuchFileException when the article's file is gone or now lies outside the roots
   */
  public Optional<OriginalFile> original(String id) throws IOException {
    return searchers.withSearcher(searcher -> OriginalFiles.of(searcher, id));
  }

  /**
   * Completions of what is typed in the search box: entity names and common words starting with
   * {@code prefix} (at any word of a name), folding case and accents. Answered from an index built
   * once per reader ({@link Completions}), so no search slot is taken.
   */
  public List<Completion> complete(String prefix, int limit) throws IOException {
    if (prefix == null || prefix.isBlank() || limit < 1) {
      return List.of();
    }
    return searchers.withSearcher(searcher -> completions.lookup(searcher.getIndexReader(), prefix.strip(), limit));
  }

  /** The commit searches read now, without waiting for a search slot: cheap enough for a health check. */
  public IndexState state() throws IOException {
    return searchers.withSearcher(searcher -> {
      // A SearcherManager's readers are directory readers; the commit id is random per commit.
      var reader = (org.apache.lucene.index.DirectoryReader) searcher.getIndexReader();
      String commit = reader instanceof org.apache.lucene.index.StandardDirectoryReader r
          ? java.util.HexFormat.of().formatHex(r.getSegmentInfos().getId())
          : "g" + reader.getIndexCommit().getGeneration();
      return new IndexState(commit + "-" + reader.getVersion(), reader.numDocs());
    });
  }

  /** Every root folder that articles in the index were found under. */
  public List<Path> indexedRoots() throws IOException {
    searchers.refresh(); // what to walk again must come from the latest commit
    return searchers.withSearcher(searcher -> IndexedRoots.of(searcher.getIndexReader()));
  }

  /** This reader's state, built on the first search after a refresh brought a new reader. */
  private ReaderState readerState(IndexReader reader) throws IOException {
    ReaderState cached = readerState;
    if (cached != null && cached.reader() == reader) {
      return cached;
    }
    synchronized (this) {
      cached = readerState;
      if (cached == null || cached.reader() != reader) {
        readerState = ReaderState.of(reader, config, settings.cacheMegabytes());
      }
      return readerState;
    }
  }

  @Override
  public void close() throws IOException {
    try (analyzer; indexAnalyzer) {
      completions.close(); // first: a build in progress holds a searcher
      searchers.close();
    }
  }
}
