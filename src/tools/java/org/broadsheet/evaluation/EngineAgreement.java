package org.broadsheet.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.SearchSettings;

/**
 * Whether the two engines give the same answers (issue 16): the same corpus indexed into the
 * embedded index and into an OpenSearch cluster, then one seeded set of requests on both (words, two
 * words, phrases, boolean, named fields, facet filters, date ranges, published drill-downs), each
 * compared on its total, its number of groups of copies, every facet dimension's values and counts, and its
 * first page. Prints one line per kind and the first differences; exits 1 when a total, a group count or a
 * facet differs.
 *
 * <pre>
 * ./broadsheet index --index /tmp/a CORPUS
 * ./broadsheet index --index /tmp/a --opensearch http://127.0.0.1:9200/agree CORPUS
 * java -cp target/tools-classes:target/classes:$(cat target/classpath.txt) \
 *   org.broadsheet.evaluation.EngineAgreement /tmp/a http://127.0.0.1:9200/agree [requests] [seed]
 * </pre>
 * The first page is reported, not required: a cluster of several shards scores with each shard's
 * statistics, so ties and near-ties may order differently.
 */
public final class EngineAgreement {
  private EngineAgreement() {
  }

  /** One request of the set, with the kind of query it is. */
  record Probe(String kind, SearchRequest request) {
    @Override
    public String toString() {
      SearchRequest r = request;
      return kind + " q=" + r.query() + (r.filters().isEmpty() ? "" : " filters=" + r.filters())
          + (r.published() == null ? "" : " published=" + r.published())
          + (r.from() == null ? "" : " from=" + r.from()) + (r.to() == null ? "" : " to=" + r.to());
    }
  }

  /** How many requests of one kind agreed on each part. */
  static final class Tally {
    int requests;
    int totals;
    int groups;
    int facets;
    int firstPages;

    @Override
    public String toString() {
      return String.format("%4d requests: totals %4d, groups %4d, facets %4d, first page %4d", requests, totals, groups,
          facets, firstPages);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EngineAgreement INDEX_DIR OPENSEARCH_URL [requests] [seed]");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    OpenSearchTarget cluster = OpenSearchTarget.parse(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    SearchSettings noCache = SearchSettings.defaults().withCacheMegabytes(0);
    try (Broadsheet embedded = Broadsheet.open(index, IndexSettings.defaults(), ParserLimits.DEFAULT, noCache);
         Broadsheet os = Broadsheet.open(index, cluster, IndexSettings.defaults(), ParserLimits.DEFAULT, noCache)) {
      int differing = compare(embedded, os, probes(embedded, seed, count), System.out);
      System.exit(differing == 0 ? 0 : 1);
    }
  }

  /** Runs every probe on both archives; prints the tallies and the first differences; returns how many differ. */
  static int compare(Broadsheet a, Broadsheet b, List<Probe> probes, java.io.PrintStream out) throws IOException {
    Map<String, Tally> byKind = new TreeMap<>();
    List<String> differences = new ArrayList<>();
    int differing = 0;
    for (Probe p : probes) {
      SearchResult x = a.search(p.request());
      SearchResult y = b.search(p.request());
      Tally t = byKind.computeIfAbsent(p.kind(), k -> new Tally());
      t.requests++;
      boolean totals = x.total() == y.total();
      boolean groups = x.groups() == y.groups();
      boolean facets = x.facets().equals(y.facets());
      boolean page = ids(x).equals(ids(y));
      t.totals += totals ? 1 : 0;
      t.groups += groups ? 1 : 0;
      t.facets += facets ? 1 : 0;
      t.firstPages += page ? 1 : 0;
      if (!totals || !groups || !facets) {
        differing++;
        if (differences.size() < 15) {
          differences.add(p + "\n    embedded: total " + x.total() + " groups " + x.groups() + facetDiff(x, y, true)
              + "\n    cluster:  total " + y.total() + " groups " + y.groups() + facetDiff(x, y, false));
        }
      }
    }
    Tally all = new Tally();
    byKind.forEach((kind, t) -> {
      out.printf("%-16s %s%n", kind, t);
      all.requests += t.requests;
      all.totals += t.totals;
      all.groups += t.groups;
      all.facets += t.facets;
      all.firstPages += t.firstPages;
    });
    out.printf("%-16s %s%n", "all", all);
    differences.forEach(d -> out.println("differs: " + d));
    return differing;
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  /** The dimensions whose values differ, as one side has them. */
  private static String facetDiff(SearchResult x, SearchResult y, boolean left) {
    StringBuilder s = new StringBuilder();
    for (String dim : x.facets().keySet()) {
      List<SearchResult.FacetValue> vx = x.facets().get(dim);
      List<SearchResult.FacetValue> vy = y.facets().getOrDefault(dim, List.of());
      if (!vx.equals(vy)) {
        s.append("\n      ").append(dim).append(": ").append(left ? vx : vy);
      }
    }
    return s.toString();
  }

  /**
   * The seeded request set, drawn from the embedded archive itself: words of its titles, pairs and
   * phrases from its first page of articles, its most frequent facet values and its published years.
   */
  static List<Probe> probes(Broadsheet archive, long seed, int count) throws IOException {
    Random r = new Random(seed);
    SearchResult all = archive.search(SearchRequest.of("").withSize(100));
    List<String[]> texts = new ArrayList<>();
    for (SearchResult.Hit h : all.hits()) {
      String[] words = (h.title() + " " + (h.snippet() == null ? "" : h.snippet())).replaceAll("<[^>]*>", " ")
          .split("[^\\p{L}]+");
      List<String> kept = new ArrayList<>();
      for (String w : words) {
        if (w.length() >= 3) {
          kept.add(w);
        }
      }
      if (kept.size() >= 3) {
        texts.add(kept.toArray(String[]::new));
      }
    }
    if (texts.isEmpty()) {
      throw new IOException("the archive has no text to draw queries from");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String dim : List.of(Fields.FACET_PEOPLE, Fields.FACET_PLACES, Fields.FACET_ORGS)) {
      List<String> vs = all.facets().getOrDefault(dim, List.of()).stream().map(SearchResult.FacetValue::value).toList();
      if (!vs.isEmpty()) {
        values.put(dim, vs);
      }
    }
    List<String> years = all.facets().getOrDefault(Fields.FACET_PUBLISHED, List.of()).stream()
        .map(SearchResult.FacetValue::value).toList();
    List<Probe> out = new ArrayList<>(count);
    while (out.size() < count) {
      String[] t = texts.get(r.nextInt(texts.size()));
      String w = t[r.nextInt(t.length)];
      String w2 = t[r.nextInt(t.length)];
      int at = r.nextInt(t.length - 1);
      switch (r.nextInt(8)) {
        case 0 -> out.add(new Probe("word", SearchRequest.of(w)));
        case 1 -> out.add(new Probe("two-words", SearchRequest.of(w + " " + w2)));
        case 2 -> out.add(new Probe("phrase", SearchRequest.of("\"" + t[at] + " " + t[at + 1] + "\"")));
        case 3 -> out.add(new Probe("boolean", SearchRequest.of(switch (r.nextInt(3)) {
          case 0 -> w + " OR " + w2;
          case 1 -> w + " -" + w2;
          default -> "(" + w + " OR " + w2 + ") " + t[at];
        })));
        case 4 -> out.add(new Probe("field", SearchRequest.of(fieldQuery(r, w, values))));
        case 5 -> {
          if (!values.isEmpty()) {
            List<String> dims = new ArrayList<>(values.keySet());
            String dim = dims.get(r.nextInt(dims.size()));
            List<String> vs = values.get(dim);
            String q = r.nextBoolean() ? "" : w;
            out.add(new Probe("facet-filter", SearchRequest.of(q).withFilters(Map.of(dim, List.of(vs.get(r.nextInt(vs.size())))))));
          }
        }
        case 6 -> {
          if (!years.isEmpty()) {
            String year = years.get(r.nextInt(years.size()));
            int month = 1 + r.nextInt(12);
            String from = year + "-" + (month < 10 ? "0" : "") + month;
            out.add(new Probe("date-range", new SearchRequest(r.nextBoolean() ? "" : w, Map.of(), null, from, year + "-12-31",
                null, 1, 10)));
          }
        }
        default -> {
          if (!years.isEmpty()) {
            out.add(new Probe("published", new SearchRequest(r.nextBoolean() ? "" : w, Map.of(),
                years.get(r.nextInt(years.size())), null, null, null, 1, 10)));
          }
        }
      }
    }
    return out;
  }

  /** A query naming a field: the title, or a person, place or organisation the archive has. */
  private static String fieldQuery(Random r, String word, Map<String, List<String>> values) {
    List<String> dims = new ArrayList<>(values.keySet());
    if (dims.isEmpty() || r.nextInt(3) == 0) {
      return "title:" + word;
    }
    String dim = dims.get(r.nextInt(dims.size()));
    List<String> vs = values.get(dim);
    String field = switch (dim) {
      case Fields.FACET_PEOPLE -> Fields.PERSON;
      case Fields.FACET_PLACES -> Fields.PLACE;
      default -> Fields.ORG;
    };
    return field + ":\"" + vs.get(r.nextInt(vs.size())).replace("\"", "") + "\"";
  }
}
