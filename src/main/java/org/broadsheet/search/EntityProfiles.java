package org.broadsheet.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.broadsheet.extract.Mention;
import org.broadsheet.extract.Place;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredMentions;

/**
 * Computes an {@link EntityPage} with the search machinery: the entity is one more drill-down
 * filter on the scope (query and filters), its articles' facet counts give the related values and
 * the timeline, the scope's own counts the background they are weighed against
 * ({@link RelatedEntities}), and the stored mentions of its articles the spellings.
 */
final class EntityProfiles {
  /** Articles on the page, as a search's first page. */
  static final int ARTICLES = 10;
  /**
   * Articles whose stored mentions are read for the spellings: reading one decompresses its stored
   * block, so the spellings are those of the first 500 articles (by index order), enough to see
   * every common spelling while bounding the work of a page for an entity in 100,000 articles.
   */
  static final int ALIAS_SAMPLE = 500;

  /** The spellings an entity's articles write it with, and the country its mentions most often carry. */
  private record Seen(List<EntityPage.Alias> aliases, String country) {
  }

  private final ArchiveQueryParser parser;
  private final HitReader hitReader;
  private final FacetsConfig config;
  private final Function<String, Optional<Place>> gazetteer;

  EntityProfiles(ArchiveQueryParser parser, HitReader hitReader, FacetsConfig config,
                 Function<String, Optional<Place>> gazetteer) {
    this.parser = parser;
    this.hitReader = hitReader;
    this.config = config;
    this.gazetteer = gazetteer;
  }

  /** The page of {@code value} in {@code dim} within {@code scope}; empty when no article in the index has it. */
  Optional<EntityPage> compute(IndexSearcher searcher, ReaderState rs, SearchRequest scope, String dim, String value)
      throws IOException {
    Query query = parser.parse(scope.query(), searcher.getIndexReader()); // a bad query is a 400 either way
    String key = FacetKeys.key(value);
    Term term = new Term(Fields.facetKey(dim), key);
    if (key.isEmpty() || rs.state() == null || searcher.count(new TermQuery(term)) == 0) {
      return Optional.empty();
    }
    String label = rs.spellings().best(dim, value);
    Query ranking = scope.query().isBlank() ? nameQuery(searcher, label) : query;
    Query withEntity = new BooleanQuery.Builder()
        .add(ranking, BooleanClause.Occur.MUST)
        .add(new TermQuery(term), BooleanClause.Occur.FILTER)
        .build();

    DrillDownQuery mine = DrillDown.of(scope, withEntity, config);
    FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher, mine, ARTICLES,
        new FacetsCollectorManager());
    long count = total(found.facetsCollector());
    Facets together = new SortedSetDocValuesFacetCounts(rs.state(), found.facetsCollector());

    FacetsCollectorManager.FacetsResult all = FacetsCollectorManager.search(searcher, DrillDown.of(scope, query, config),
        1, new FacetsCollectorManager());
    Facets everywhere = new SortedSetDocValuesFacetCounts(rs.state(), all.facetsCollector());
    long scopeTotal = total(all.facetsCollector());

    Map<String, List<EntityPage.Related>> related = new LinkedHashMap<>();
    for (String d : Fields.NAMED_DIMS) {
      related.put(d, RelatedEntities.rank(merged(together, rs, d), merged(everywhere, rs, d), rs.spellings(), count,
          scopeTotal, d.equals(dim) ? key : null));
    }
    SearchResult.Histogram timeline = rs.has(Fields.FACET_PUBLISHED)
        ? Timeline.of(Timeline.counts(together), DrillDown.publishedPath(scope))
        : Timeline.none();
    List<GroupedHits.Hit> top = new java.util.ArrayList<>();
    for (ScoreDoc d : found.topDocs().scoreDocs) {
      top.add(new GroupedHits.Hit(d.doc, d.score, 0, 0, null, 0)); // each article on its own: the page lists articles
    }
    List<SearchResult.Hit> articles = Respelling.hits(hitReader.read(searcher, ranking, top, count), rs.spellings());
    Seen seen = spellings(searcher, found.facetsCollector(), dim, key);

    String country = null;
    Double latitude = null;
    Double longitude = null;
    if (dim.equals(Fields.FACET_PLACES)) {
      Optional<Place> place = gazetteer.apply(label);
      country = place.map(Place::country).orElse(seen.country());
      if (place.isPresent() && place.get().hasCoordinates()) {
        latitude = place.get().latitude();
        longitude = place.get().longitude();
      }
    }
    return Optional.of(new EntityPage(dim, label, label, count, seen.aliases(), timeline, related, articles, country,
        latitude, longitude));
  }

  /**
   * With no query, the entity's articles are ranked by how much they say its name: every article
   * matches, and the name as a phrase in the text adds to the score (and marks the snippets).
   */
  private Query nameQuery(IndexSearcher searcher, String label) {
    String phrase = label.replace("\"", " ").replace("\\", " ").strip();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    try {
      b.add(parser.parse("\"" + phrase + "\"", searcher.getIndexReader()), BooleanClause.Occur.SHOULD);
    } catch (BadQueryException e) {
      // a name the query language cannot say as a phrase: the articles keep index order
    }
    return b.build();
  }

  private static List<LabelAndValue> merged(Facets facets, ReaderState rs, String dim) throws IOException {
    if (!rs.has(dim)) {
      return List.of();
    }
    FacetResult r;
    try {
      r = facets.getAllChildren(dim);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return r == null ? List.of() : MergedFacetValues.merge(r.labelValues, rs.spellings(), dim);
  }

  private static long total(FacetsCollector fc) {
    long n = 0;
    for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
      n += m.totalHits();
    }
    return n;
  }

  /** The spellings of the entity in the stored mentions of up to {@link #ALIAS_SAMPLE} of its articles. */
  private static Seen spellings(IndexSearcher searcher, FacetsCollector fc, String dim, String key)
      throws IOException {
    Map<String, Long> texts = new HashMap<>();
    Map<String, Long> countries = new HashMap<>();
    int read = 0;
    for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
      StoredFields stored = m.context().reader().storedFields();
      DocIdSetIterator it = m.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && read < ALIAS_SAMPLE; d = it.nextDoc()) {
        read++;
        Document doc = stored.document(d, Set.of(Fields.MENTIONS));
        Set<String> inThis = new HashSet<>();
        String countryHere = null;
        for (Mention mention : StoredMentions.read(doc.get(Fields.MENTIONS))) {
          String value = mention.name();
          if (dim.equals(Fields.dimOf(mention.type())) && key.equals(FacetKeys.key(value))) {
            inThis.add(mention.text().strip().replaceAll("\\s+", " "));
            if (mention.country() != null) {
              countryHere = mention.country();
            }
          }
        }
        inThis.forEach(t -> texts.merge(t, 1L, Long::sum));
        if (countryHere != null) {
          countries.merge(countryHere, 1L, Long::sum);
        }
      }
    }
    List<EntityPage.Alias> aliases = texts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new EntityPage.Alias(e.getKey(), e.getValue()))
        .toList();
    String country = countries.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    return new Seen(aliases, country);
  }
}
