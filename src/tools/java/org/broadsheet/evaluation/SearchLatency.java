package org.broadsheet.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.ArchiveIndexer;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.ArchiveSearcher;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;

/**
 * Measures {@link ArchiveSearcher#search} latency (p50, p99) with facets counted and three
 * dimensions selected. Not a unit test: run by hand against a real index.
 *
 * <pre>
 * # text-only index, as `broadsheet index --no-extract` builds it; selects published, from/to
 * java -cp target/tools-classes:target/classes:$(cat target/classpath.txt) \
 *   org.broadsheet.evaluation.SearchLatency /tmp/reuters-idx
 * # or build an index whose entities come from a gold file, and select people, places, organizations
 * java ... org.broadsheet.evaluation.SearchLatency /tmp/reuters-gold-idx ../shared/corpora/reuters-dev \
 *   ../shared/corpora/reuters-dev-gold.json
 * </pre>
 */
public final class SearchLatency {
  private static final List<String> QUERIES = List.of("oil", "interest rates", "\"trade deficit\"", "wheat OR corn",
      "bank*", "coffee -brazil", "dollar yen", "opec production", "profit~", "title:shares", "(gold OR silver) price",
      "tax", "company said", "\"federal reserve\"", "merger acquisition", "");
  private static final int WARMUP = 300;
  private static final int RUNS = 1000;

  private SearchLatency() {
  }

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    if (args.length == 3) {
      buildWithGold(index, Path.of(args[1]), Path.of(args[2]));
    }
    try (ArchiveSearcher searcher = new ArchiveSearcher(new IndexLayout(index))) {
      SearchResult all = searcher.search(SearchRequest.of(""));
      System.out.printf("index %s: %d articles%n", index, all.total());
      Map<String, List<String>> selected = coOccurring(searcher, all);
      boolean entities = selected.size() == 3;
      String published = entities ? null : all.facets().get(Fields.FACET_PUBLISHED).get(0).value();
      System.out.println(entities ? "selecting " + selected : "no entities; selecting published=" + published
          + " and from=1987-03 to=1987-12 instead");
      measure(searcher, "no selection", q -> new SearchRequest(q, Map.of(), null, null, null,
          SearchRequest.Sort.RELEVANCE, 1, 10));
      measure(searcher, entities ? "three dims selected" : "published + from/to", q -> entities
          ? new SearchRequest(q, selected, null, null, null, SearchRequest.Sort.RELEVANCE, 1, 10)
          : new SearchRequest(q, Map.of(), published, "1987-03", "1987-12", SearchRequest.Sort.RELEVANCE, 1, 10));
      measure(searcher, entities ? "three dims selected, newest first" : "published + from/to, newest first", q -> entities
          ? new SearchRequest(q, selected, null, null, null, SearchRequest.Sort.NEWEST, 1, 10)
          : new SearchRequest(q, Map.of(), published, "1987-03", "1987-12", SearchRequest.Sort.NEWEST, 1, 10));
    }
  }

  /** A person, place and organisation that some article has together, so the selection has hits. */
  private static Map<String, List<String>> coOccurring(ArchiveSearcher searcher, SearchResult all) throws Exception {
    for (SearchResult.FacetValue person : all.facets().get(Fields.FACET_PEOPLE)) {
      SearchResult r = searcher.search(SearchRequest.of("").withFilters(
          Map.of(Fields.FACET_PEOPLE, List.of(person.value()))));
      if (!r.facets().get(Fields.FACET_PLACES).isEmpty() && !r.facets().get(Fields.FACET_ORGS).isEmpty()) {
        Map<String, List<String>> selected = new LinkedHashMap<>();
        selected.put(Fields.FACET_PEOPLE, List.of(person.value()));
        selected.put(Fields.FACET_PLACES, List.of(r.facets().get(Fields.FACET_PLACES).get(0).value()));
        selected.put(Fields.FACET_ORGS, List.of(r.facets().get(Fields.FACET_ORGS).get(0).value()));
        return selected;
      }
    }
    return Map.of();
  }

  private static void measure(ArchiveSearcher searcher, String name,
                              java.util.function.Function<String, SearchRequest> request) throws Exception {
    Random random = new Random(7);
    long hits = 0;
    for (int i = 0; i < WARMUP; i++) {
      hits += searcher.search(request.apply(QUERIES.get(random.nextInt(QUERIES.size())))).total();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      SearchRequest r = request.apply(QUERIES.get(random.nextInt(QUERIES.size())));
      long t = System.nanoTime();
      hits += searcher.search(r).total();
      nanos[i] = System.nanoTime() - t;
    }
    if (System.getProperty("perQuery") != null) {
      for (String q : QUERIES) {
        long[] t = new long[50];
        for (int i = 0; i < t.length; i++) {
          long start = System.nanoTime();
          searcher.search(request.apply(q));
          t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        System.out.printf("    %-28s p50 %6.2f ms%n", "[" + q + "]", t[t.length / 2] / 1e6);
      }
    }
    Arrays.sort(nanos);
    System.out.printf("%-36s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d runs, %d hits seen)%n", name,
        nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6, RUNS, hits);
  }

  /** Indexes the corpus with the gold file's people, places and organisations as its entities. */
  private static void buildWithGold(Path index, Path corpus, Path goldFile) throws Exception {
    JsonNode gold = new ObjectMapper().readTree(goldFile.toFile());
    EntityExtractor fromGold = new EntityExtractor() {
      @Override
      public Extraction extract(Article a) {
        JsonNode g = gold.path(java.nio.file.Path.of(a.path()).getFileName().toString());
        List<Mention> ms = new ArrayList<>();
        add(ms, g.path("people"), EntityType.PERSON);
        add(ms, g.path("places"), EntityType.PLACE);
        add(ms, g.path("orgs"), EntityType.ORGANIZATION);
        return new Extraction(ms);
      }

      private void add(List<Mention> ms, JsonNode values, EntityType type) {
        values.forEach(v -> ms.add(new Mention(type, v.asText(), 0, 0, v.asText(), null, null)));
      }

      @Override
      public String version() {
        return "gold";
      }
    };
    Files.createDirectories(index);
    try (ArticleParser parser = new ArticleParser(ParserLimits.DEFAULT)) {
      ArchiveIndexer indexer = new ArchiveIndexer(new IndexLayout(index), parser, fromGold, null,
          IndexSettings.defaults().withThreads(2));
      System.out.println(indexer.index(List.of(corpus), true, IndexListener.NONE));
    }
  }
}
