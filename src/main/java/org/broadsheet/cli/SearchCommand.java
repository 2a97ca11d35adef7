package org.broadsheet.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = {
    "Search the archive. Words must all match; \"phrases\", OR, NOT, -word, (groups), prefix*,",
    "fuzzy~ and the fields title:, person:, place:, org: are understood."})
public final class SearchCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Option(names = "--json", description = "Print one JSON object, as /api/search returns")
  boolean json;

  @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--page", defaultValue = "1", description = "Page of hits (default: ${DEFAULT-VALUE})")
  int page;

  @Option(names = "--facet", paramLabel = "DIM=VALUE",
      description = "Filter by a facet value, e.g. --facet people=\"Benjamin Netanyahu\"; repeatable")
  Map<String, String> facetArgs;

  @Option(names = "--published", paramLabel = "YYYY[/MM[/DD]]", description = "Drill down by published date")
  String published;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after YYYY[-MM[-DD]]")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before YYYY[-MM[-DD]]")
  String to;

  @Option(names = "--sort", description = "relevance, newest or oldest (default: newest without a query, relevance with one)")
  SearchRequest.Sort sort;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (empty: every article)")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    Map<String, List<String>> filters = new HashMap<>();
    if (facetArgs != null) {
      facetArgs.forEach((dim, value) -> filters.computeIfAbsent(dim, d -> new ArrayList<>()).add(value));
    }
    String query = words == null ? "" : String.join(" ", words);
    SearchRequest request = new SearchRequest(query, filters, published, from, to, sort, page, limit);
    try (Broadsheet b = Broadsheet.open(archive.index())) {
      SearchResult result = b.search(request);
      PrintStream out = System.out;
      if (json) {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      } else {
        print(result, out);
      }
    }
    return 0;
  }

  private static void print(SearchResult r, PrintStream out) {
    out.printf("%d hits (%d ms)%n", r.total(), r.tookMs());
    if (r.suggestion() != null) {
      out.printf("Did you mean: %s (%d hits)%n", r.suggestion().query(), r.suggestion().total());
    }
    int rank = (r.page() - 1) * r.size();
    for (SearchResult.Hit h : r.hits()) {
      out.printf("%n%d. %s%n   %s  %s  score %.2f%n", ++rank, h.title(),
          h.published() == null ? "(no date)" : h.published().substring(0, 10), h.path(), h.score());
      if (!h.snippet().isEmpty()) {
        out.println("   " + Snippets.toTerminal(h.snippet()));
      }
    }
  }
}
