package org.broadsheet.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.StoredMentions;

/**
 * Searches the archive: parses the query, filters, counts facets with drill sideways,
 * highlights snippets and builds the date histogram. Owns its directory and searcher
 * manager; a background refresh picks up whatever an indexing run commits within a
 * second, so the server never needs restarting.
 */
public final class ArchiveSearcher implements AutoCloseable {
  /** Facet values returned per dimension; "more" in the front end asks the facet endpoint. */
  private static final int FACET_LIMIT = 10;
  private static final int SNIPPET_PASSAGES = 2;
  /** Related articles shown with one article. */
  static final int RELATED = 5;
  /**
   * Weight of a shared person, place or organisation (a BM25 term on its key, so rare
   * entities count most) against the MoreLikeThis words, whose weights are scaled to at
   * most 1. At 1 a rare shared entity counts about as much as a strongly distinctive
   * word, so neither coarse entity tags nor common vocabulary alone decide.
   */
  private static final float RELATED_ENTITY_BOOST = 1f;

  private final Directory dir;
  private final SearcherManager manager;
  private final FacetsConfig config = Fields.facetsConfig();
  private final Analyzer analyzer = ArchiveAnalyzer.forQueries();
  /** MoreLikeThis re-analyses stored text as it was indexed. */
  private final Analyzer indexAnalyzer = ArchiveAnalyzer.forIndexing();
  private final ArchiveQueryParser parser = new ArchiveQueryParser(analyzer);
  private final ScheduledExecutorService refresher;
  private final SearchSettings settings;
  private final SearchSlots slots;
  private volatile ReaderState readerState;

  /**
   * What is built once per index reader: its facet ordinals, the dimensions some article has a
   * value in (asking Lucene for any other is an error), spellings and the results computed from
   * it. Rebuilt only when a refresh brings a new reader.
   */
  private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state, java.util.Set<String> dims,
                             Spellings spellings, ResultCache results) {
  }

  /** A facet list request, as a cache key. */
  private record FacetListKey(SearchRequest request, String dim, String prefix, int limit) {
  }

  public ArchiveSearcher(IndexLayout layout) throws IOException {
    this(layout, SearchSettings.defaults());
  }

  public ArchiveSearcher(IndexLayout layout, SearchSettings settings) throws IOException {
    this.settings = settings;
    this.slots = new SearchSlots(settings.concurrentSearches(), settings.queueTimeout());
    this.dir = FSDirectory.open(layout.lucene());
    try {
      this.manager = new SearcherManager(dir, null);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "searcher-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /** Sees the latest commit now rather than within a second. */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(ArchiveSearcher.class).warn("index refresh failed: {}", e.toString());
    }
  }

  /**
   * Runs one search, or answers it from the results already computed from this reader.
   * Computing waits for a free slot ({@link SearchSettings#concurrentSearches()}).
   *
   * @throws SearchBusyException when no slot came free within the queue timeout
   */
  public SearchResult search(SearchRequest r) throws IOException {
    long start = System.nanoTime();
    checkPaging(r);
    IndexSearcher searcher = manager.acquire();
    try {
      ReaderState rs = readerState(searcher.getIndexReader());
      SearchResult result = cachedOrInTurn(rs, r, () -> compute(searcher, rs, r));
      return result.withTookMs((System.nanoTime() - start) / 1_000_000);
    } finally {
      manager.release(searcher);
    }
  }

  /** The result for {@code key} from this reader's cache, else computed when a slot is free. */
  private <T> T cachedOrInTurn(ReaderState rs, Object key, SearchSlots.Work<T> work) throws IOException {
    return rs.results().get(key, () -> slots.inTurn(work));
  }

  private SearchResult compute(IndexSearcher searcher, ReaderState rs, SearchRequest r) throws IOException {
    try {
      Query query = parser.parse(r.query(), searcher.getIndexReader());
      DrillDownQuery ddq = drillDown(r, query);
      int topN = r.page() * r.size();
      Sort sort = sortOf(r.sort());
      SortedSetDocValuesReaderState state = rs.state();
      TopDocs top;
      FacetsCollector matches;
      Facets facets = null;
      if (state != null) {
        DrillSideways ds = new DrillSideways(searcher, config, state);
        DrillSideways.DrillSidewaysResult res = sort == null
            ? ds.search(ddq, topN)
            : ds.search(ddq, null, null, topN, sort, true);
        top = res.hits;
        matches = res.drillDownFacetsCollector;
        facets = res.facets;
      } else {
        FacetsCollectorManager.FacetsResult res = sort == null
            ? FacetsCollectorManager.search(searcher, ddq, topN, new FacetsCollectorManager())
            : FacetsCollectorManager.search(searcher, ddq, topN, sort, true, new FacetsCollectorManager());
        top = res.topDocs();
        matches = res.facetsCollector();
      }
      long total = countMatches(matches, top);
      ScoreDoc[] page = pageOf(top.scoreDocs, r);
      List<SearchResult.Hit> hits = hits(searcher, query, page, total);
      Map<String, List<SearchResult.FacetValue>> facetValues =
          facets == null ? emptyFacets() : facetValues(facets, rs.dims(), r, rs.spellings());
      SearchResult.Histogram histogram = facets == null || !rs.dims().contains(Fields.FACET_PUBLISHED)
          ? new SearchResult.Histogram("year", List.of())
          : histogram(facets, publishedPath(r));
      return new SearchResult(r.query(), total, r.page(), r.size(), 0, hits, facetValues, histogram);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("the query expands to too many terms; make it more specific", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new BadQueryException("the query is too complex; make wildcards more specific", e);
    }
  }

  /** All values of one facet dimension for the hits of {@code r}, optionally only those starting with {@code prefix}. */
  public List<SearchResult.FacetValue> facetValues(SearchRequest r, String dim, String prefix, int limit)
      throws IOException {
    if (!Fields.ENTITY_FACETS.contains(dim) && !Fields.FACET_MENTIONED.equals(dim)) {
      throw new BadQueryException("unknown facet '" + dim + "'; use one of " + Fields.ENTITY_FACETS);
    }
    IndexSearcher searcher = manager.acquire();
    try {
      ReaderState rs = readerState(searcher.getIndexReader());
      return cachedOrInTurn(rs, new FacetListKey(r, dim, prefix, limit),
          () -> computeFacetValues(searcher, rs, r, dim, prefix, limit));
    } finally {
      manager.release(searcher);
    }
  }

  private List<SearchResult.FacetValue> computeFacetValues(IndexSearcher searcher, ReaderState rs, SearchRequest r,
                                                           String dim, String prefix, int limit) throws IOException {
    try {
      Query query = parser.parse(r.query(), searcher.getIndexReader());
      SortedSetDocValuesReaderState state = rs.state();
      if (state == null) {
        return List.of();
      }
      DrillSideways ds = new DrillSideways(searcher, config, state);
      DrillSideways.DrillSidewaysResult res = ds.search(drillDown(r, query), 1);
      FacetResult all = res.facets.getAllChildren(dim);
      if (all == null) {
        return List.of();
      }
      String folded = prefix == null ? "" : FacetKeys.key(prefix);
      // A prefix matches the start of the value or of any word in it: "erd" finds "Recep Tayyip Erdoğan".
      Spellings spellings = rs.spellings();
      return MergedFacetValues.merge(all.labelValues, spellings, dim).stream()
          .filter(lv -> folded.isEmpty() || matchesPrefix(spellings.key(lv.label), folded))
          .limit(limit)
          .map(lv -> facetValue(dim, lv))
          .toList();
    } catch (BadQueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      return List.of(); // no article has a value in this dimension yet
    }
  }

  /** A multi-word prefix matches the start of the key, a one-word one the start of any of its words. */
  private static boolean matchesPrefix(String key, String folded) {
    return key.startsWith(folded) || Arrays.stream(key.split(" ")).anyMatch(w -> w.startsWith(folded));
  }

  public Optional<ArticleView> article(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      // In turn with the searches: finding related articles is a search of its own.
      return slots.inTurn(() -> articleOf(searcher, id));
    } finally {
      manager.release(searcher);
    }
  }

  private Optional<ArticleView> articleOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int docId = top.scoreDocs[0].doc;
    Document d = searcher.storedFields().document(docId);
    return Optional.of(new ArticleView(d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE),
        published(d), d.get(Fields.BYLINE), d.get(Fields.SOURCE), d.get(Fields.LANGUAGE), d.get(Fields.BODY),
        StoredMentions.read(d.get(Fields.MENTIONS)), values(d, Fields.PERSON), values(d, Fields.PLACE),
        values(d, Fields.ORG), values(d, Fields.MENTIONED), related(searcher, docId, d)));
  }

  /** The commit searches read now, without waiting for a search slot: cheap enough for a health check. */
  public IndexState state() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      // A SearcherManager's readers are directory readers; the commit id is random per commit.
      var reader = (org.apache.lucene.index.DirectoryReader) searcher.getIndexReader();
      String commit = reader instanceof org.apache.lucene.index.StandardDirectoryReader r
          ? java.util.HexFormat.of().formatHex(r.getSegmentInfos().getId())
          : "g" + reader.getIndexCommit().getGeneration();
      return new IndexState(commit + "-" + reader.getVersion(), reader.numDocs());
    } finally {
      manager.release(searcher);
    }
  }

  /** Every root folder that articles in the index were found under. */
  public List<java.nio.file.Path> indexedRoots() throws IOException {
    manager.maybeRefreshBlocking(); // what to walk again must come from the latest commit
    IndexSearcher searcher = manager.acquire();
    try {
      return org.broadsheet.index.IndexedRoots.of(searcher.getIndexReader());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Up to {@link #RELATED} articles about the same story: those sharing the most
   * distinctive words of this one's title and body (MoreLikeThis: tf-idf picks the
   * words, so "said" and "the" do not count) and, weighted more, the same people, places
   * and organisations (by folded key, so spelling variants count as shared).
   */
  private List<ArticleView.Related> related(IndexSearcher searcher, int docId, Document d) throws IOException {
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    Query words = relatedWords(searcher.getIndexReader(), docId, indexAnalyzer);
    if (words != null) {
      like.add(words, BooleanClause.Occur.SHOULD);
    }
    for (var e : Map.of(Fields.PERSON, Fields.FACET_PEOPLE, Fields.PLACE, Fields.FACET_PLACES,
        Fields.ORG, Fields.FACET_ORGS).entrySet()) {
      for (String value : d.getValues(e.getKey())) {
        // BM25 on the key field: a rare shared entity counts for more than "United States".
        Query entity = new TermQuery(new Term(Fields.facetKey(e.getValue()), FacetKeys.key(value)));
        like.add(new BoostQuery(entity, RELATED_ENTITY_BOOST), BooleanClause.Occur.SHOULD);
      }
    }
    like.add(new TermQuery(new Term(Fields.ID, d.get(Fields.ID))), BooleanClause.Occur.MUST_NOT);
    BooleanQuery q = like.build();
    if (q.clauses().size() == 1) {
      return List.of(); // nothing to be alike in
    }
    TopDocs top = searcher.search(q, RELATED);
    StoredFields stored = searcher.storedFields();
    List<ArticleView.Related> related = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document r = stored.document(sd.doc, java.util.Set.of(Fields.ID, Fields.TITLE, Fields.PUBLISHED));
      related.add(new ArticleView.Related(r.get(Fields.ID), r.get(Fields.TITLE), published(r)));
    }
    return related;
  }

  /** The distinctive words of one article as a query, or null when it has none. */
  private static Query relatedWords(IndexReader reader, int docId, Analyzer analyzer) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
    mlt.setStopWords(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    mlt.setMinWordLen(3);
    // A word only this article has cannot relate it to another; news articles are short,
    // so one occurrence of a rare word is already a signal.
    mlt.setMinDocFreq(2);
    mlt.setMinTermFreq(1);
    mlt.setMaxQueryTerms(25);
    mlt.setBoost(true); // weigh each word by its tf-idf, not all alike
    Query q = mlt.like(docId);
    return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
  }

  private static void checkPaging(SearchRequest r) {
    if (r.page() < 1) {
      throw new BadQueryException("'page' must be 1 or more");
    }
    if (r.size() < 1 || r.size() > SearchRequest.MAX_SIZE) {
      throw new BadQueryException("'size' must be from 1 to " + SearchRequest.MAX_SIZE);
    }
    if ((long) r.page() * r.size() > SearchRequest.MAX_DEPTH) {
      throw new BadQueryException("results beyond the first " + SearchRequest.MAX_DEPTH
          + " cannot be paged to; narrow the query or filter by date");
    }
  }

  private DrillDownQuery drillDown(SearchRequest r, Query query) {
    Query base = query;
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null || r.from().isBlank() ? Long.MIN_VALUE : DateRange.start(r.from(), "from");
      long to = r.to() == null || r.to().isBlank() ? Long.MAX_VALUE : DateRange.end(r.to(), "to");
      if (from > to) {
        throw new BadQueryException("'from' is after 'to'");
      }
      base = new BooleanQuery.Builder()
          .add(query, BooleanClause.Occur.MUST)
          .add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), BooleanClause.Occur.FILTER)
          .build();
    }
    DrillDownQuery ddq = new DrillDownQuery(config, base);
    for (Map.Entry<String, List<String>> f : r.filters().entrySet()) {
      if (!Fields.ENTITY_FACETS.contains(f.getKey()) && !Fields.FACET_MENTIONED.equals(f.getKey())) {
        throw new BadQueryException("unknown facet '" + f.getKey() + "'; use one of " + Fields.ENTITY_FACETS);
      }
      List<String> values = f.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
      if (values.isEmpty()) {
        continue;
      }
      if (Fields.ENTITY_FACETS.contains(f.getKey())) {
        // By folded key, so "Erdoğan" also selects the articles that spell it "Erdogan".
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        values.stream().map(FacetKeys::key).distinct()
            .forEach(k -> anyOf.add(new TermQuery(new Term(Fields.facetKey(f.getKey()), k)), BooleanClause.Occur.SHOULD));
        ddq.add(f.getKey(), anyOf.build());
      } else {
        values.forEach(v -> ddq.add(f.getKey(), v));
      }
    }
    if (r.published() != null && !r.published().isBlank()) {
      String[] path = publishedPath(r);
      if (path.length > 3 || !Arrays.stream(path).allMatch(p -> p.matches("\\d{1,4}"))) {
        throw new BadQueryException("'published' must be YYYY, YYYY/MM or YYYY/MM/DD");
      }
      ddq.add(Fields.FACET_PUBLISHED, path);
    }
    return ddq;
  }

  private static Sort sortOf(SearchRequest.Sort sort) {
    if (sort == SearchRequest.Sort.RELEVANCE) {
      return null;
    }
    boolean newest = sort == SearchRequest.Sort.NEWEST;
    SortField byDate = new SortField(Fields.PUBLISHED, SortField.Type.LONG, newest);
    byDate.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE); // undated articles last either way
    return new Sort(byDate, SortField.FIELD_SCORE);
  }

  private ReaderState readerState(IndexReader reader) throws IOException {
    ReaderState cached = readerState;
    if (cached != null && cached.reader() == reader) {
      return cached;
    }
    synchronized (this) {
      cached = readerState;
      if (cached != null && cached.reader() == reader) {
        return cached;
      }
      SortedSetDocValuesReaderState state;
      try {
        state = new DefaultSortedSetDocValuesReaderState(reader, config);
      } catch (IllegalArgumentException e) {
        state = null; // no article has a facet value yet
      }
      java.util.Set<String> dims = new java.util.HashSet<>();
      if (state != null) {
        state.getDims().forEach(dims::add);
      }
      readerState = new ReaderState(reader, state, java.util.Set.copyOf(dims), new Spellings(state),
          new ResultCache(settings.cacheMegabytes()));
      return readerState;
    }
  }

  private static long countMatches(FacetsCollector matches, TopDocs top) {
    if (matches == null) {
      return top.totalHits.value();
    }
    long n = 0;
    for (FacetsCollector.MatchingDocs m : matches.getMatchingDocs()) {
      n += m.totalHits();
    }
    return n;
  }

  private static ScoreDoc[] pageOf(ScoreDoc[] all, SearchRequest r) {
    int from = Math.min(all.length, (r.page() - 1) * r.size());
    return Arrays.copyOfRange(all, from, Math.min(all.length, from + r.size()));
  }

  private List<SearchResult.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page, long total)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)) // escape=true: text is HTML-safe
        .withMaxLength(200_000)
        .build();
    TopDocs pageDocs = new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), page);
    String[] snippets = highlighter.highlight(Fields.BODY, query, pageDocs, SNIPPET_PASSAGES);
    StoredFields stored = searcher.storedFields();
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = stored.document(page[i].doc);
      hits.add(new SearchResult.Hit(d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE), published(d),
          d.get(Fields.BYLINE), d.get(Fields.SOURCE), Float.isNaN(page[i].score) ? 0f : page[i].score,
          snippets[i] == null ? "" : snippets[i].strip(),
          values(d, Fields.PERSON), values(d, Fields.PLACE), values(d, Fields.ORG), values(d, Fields.MENTIONED)));
    }
    return hits;
  }

  private Map<String, List<SearchResult.FacetValue>> facetValues(Facets facets, java.util.Set<String> present,
                                                                 SearchRequest r, Spellings spellings)
      throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMS) {
      if (!present.contains(dim)) {
        out.put(dim, List.of());
        continue;
      }
      String[] path = dim.equals(Fields.FACET_PUBLISHED) ? publishedPath(r) : new String[0];
      FacetResult res;
      try {
        // All children, not the top ten: spellings merged by key may add up to a top value.
        res = facets.getAllChildren(dim, path);
      } catch (IllegalArgumentException e) {
        res = null; // no article has this dimension yet
      }
      List<SearchResult.FacetValue> values = new ArrayList<>();
      if (res != null) {
        List<LabelAndValue> lvs;
        if (dim.equals(Fields.FACET_PUBLISHED) || dim.equals(Fields.FACET_MENTIONED)) {
          lvs = new ArrayList<>(Arrays.asList(res.labelValues));
          lvs.sort((a, b) -> b.label.compareTo(a.label)); // dates newest first, not by count
        } else {
          List<LabelAndValue> merged = MergedFacetValues.merge(res.labelValues, spellings, dim);
          lvs = merged.subList(0, Math.min(FACET_LIMIT, merged.size()));
        }
        lvs.forEach(lv -> values.add(facetValue(dim, lv)));
      }
      out.put(dim, values);
    }
    return out;
  }

  private static Map<String, List<SearchResult.FacetValue>> emptyFacets() {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    Fields.FACET_DIMS.forEach(d -> out.put(d, List.of()));
    return out;
  }

  /** Countries are indexed by ISO code and shown by the name the extractor knows them by ("TR" → "Türkiye"). */
  private static final org.broadsheet.extract.Countries COUNTRIES = new org.broadsheet.extract.Countries();

  private static SearchResult.FacetValue facetValue(String dim, LabelAndValue lv) {
    String label = lv.label;
    if (dim.equals(Fields.FACET_COUNTRIES)) {
      String name = COUNTRIES.displayName(lv.label);
      label = name != null ? name : Locale.of("", lv.label).getDisplayCountry(Locale.ENGLISH);
    }
    return new SearchResult.FacetValue(lv.label, label, lv.value.longValue());
  }

  /** The published-date path a request drills into ("2019/07" → [2019, 07]), empty when none. */
  private static String[] publishedPath(SearchRequest r) {
    return r.published() == null || r.published().isBlank() ? new String[0] : r.published().split("[/-]");
  }

  /**
   * Counts per year, month or day of every match, the unit chosen so the timeline has a
   * readable number of bars. Read from the published year/month/day facet, which drill
   * sideways has already counted, rather than from each match's date: that per-match pass
   * cost a quarter of the CPU of a broad search on 100,000 articles. Under a published
   * filter the facet's sideways counts below the selected path are exactly the matches.
   */
  private static SearchResult.Histogram histogram(Facets facets, String[] selected) throws IOException {
    TreeMap<String, Long> years = new TreeMap<>();
    for (LabelAndValue y : children(facets, null)) {
      years.put(y.label, y.value.longValue());
    }
    if (selected.length >= 1) {
      years.keySet().retainAll(java.util.Set.of(selected[0]));
    }
    if (years.isEmpty()) {
      return new SearchResult.Histogram("year", List.of());
    }
    int firstYear = Integer.parseInt(years.firstKey());
    int lastYear = Integer.parseInt(years.lastKey());
    if (lastYear - firstYear >= 4) {
      // From 31 December of one year to 1 January four years on is already over 3 × 365 days.
      return buckets("year", years);
    }
    // Day ("yyyy-MM-dd") → count, read only when the span may be short enough for months or days.
    TreeMap<String, Long> perDay = new TreeMap<>();
    for (String year : years.keySet()) {
      for (LabelAndValue m : children(facets, new String[] {year})) {
        if (selected.length >= 2 && !m.label.equals(selected[1])) {
          continue;
        }
        for (LabelAndValue d : children(facets, new String[] {year, m.label})) {
          if (selected.length >= 3 && !d.label.equals(selected[2])) {
            continue;
          }
          perDay.put(year + "-" + m.label + "-" + d.label, d.value.longValue());
        }
      }
    }
    if (perDay.isEmpty()) {
      return new SearchResult.Histogram("year", List.of());
    }
    long days = java.time.LocalDate.parse(perDay.lastKey()).toEpochDay()
        - java.time.LocalDate.parse(perDay.firstKey()).toEpochDay();
    String interval = days > 3 * 365 ? "year" : days > 62 ? "month" : "day";
    int keyLength = switch (interval) {
      case "year" -> 4;
      case "month" -> 7;
      default -> 10;
    };
    TreeMap<String, Long> counts = new TreeMap<>();
    perDay.forEach((day, n) -> counts.merge(day.substring(0, keyLength), n, Long::sum));
    return buckets(interval, counts);
  }

  /** Children of a published-date path with a count (the years when {@code path} is null). */
  private static List<LabelAndValue> children(Facets facets, String[] path) throws IOException {
    FacetResult res;
    try {
      res = path == null
          ? facets.getAllChildren(Fields.FACET_PUBLISHED)
          : facets.getAllChildren(Fields.FACET_PUBLISHED, path);
    } catch (IllegalArgumentException e) {
      return List.of(); // a path no article has
    }
    if (res == null) {
      return List.of();
    }
    return Arrays.stream(res.labelValues).filter(lv -> lv.value.longValue() > 0).toList();
  }

  private static SearchResult.Histogram buckets(String interval, TreeMap<String, Long> counts) {
    List<SearchResult.Bucket> buckets = new ArrayList<>();
    counts.forEach((k, v) -> buckets.add(new SearchResult.Bucket(k, v)));
    return new SearchResult.Histogram(interval, buckets);
  }

  private static String published(Document d) {
    var f = d.getField(Fields.PUBLISHED);
    if (f == null || f.numericValue() == null) {
      return null;
    }
    return Instant.ofEpochMilli(f.numericValue().longValue()).toString();
  }

  private static List<String> values(Document d, String field) {
    return List.of(d.getValues(field));
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      // A refresh in flight must finish before the manager it uses is closed.
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (dir; analyzer; indexAnalyzer) {
      manager.close();
    }
  }
}
