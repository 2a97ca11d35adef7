package org.broadsheet.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.broadsheet.extract.Place;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * Computes an {@link EntityPage} with the search machinery: the entity is one more drill-down
 * filter on the scope (query and filters), its articles' facet counts give the related values and
 * the timeline, the scope's own counts the background they are weighed against
 * ({@link RelatedEntities}), and the stored mentions of its articles the spellings.
 */
final class EntityProfiles {
  /** Articles on the page, as a search's first page. */
  static final int ARTICLES = EntityScope.ARTICLES;

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
    Query ranking = EntityScope.ranking(scope, query, label,
        text -> parser.parse(text, searcher.getIndexReader()));
    Query withEntity = new BooleanQuery.Builder()
        .add(ranking, BooleanClause.Occur.MUST)
        .add(new TermQuery(term), BooleanClause.Occur.FILTER)
        .build();

    DrillDownQuery mine = DrillDown.of(scope, withEntity, config);
    // Ties by the order key, as a search's hits (and the cluster's), not by where the index put them.
    FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher, mine, ARTICLES,
        new Sort(SortField.FIELD_SCORE, new SortField(Fields.ORDER_KEY, SortField.Type.LONG)), true,
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
    EntityAliases seen = spellings(searcher, found.facetsCollector(), dim, key);
    return Optional.of(EntityPage.of(dim, label, count, seen, timeline, related, articles, gazetteer));
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

  /** The spellings of the entity in the stored mentions of up to {@link EntityAliases#SAMPLE} of its articles. */
  private static EntityAliases spellings(IndexSearcher searcher, FacetsCollector fc, String dim, String key)
      throws IOException {
    EntityAliases seen = new EntityAliases(dim, key);
    int read = 0;
    for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
      StoredFields stored = m.context().reader().storedFields();
      DocIdSetIterator it = m.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && read < EntityAliases.SAMPLE; d = it.nextDoc()) {
        read++;
        seen.add(stored.document(d, Set.of(Fields.MENTIONS)).get(Fields.MENTIONS));
      }
    }
    return seen;
  }
}
