package org.broadsheet.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.export.ExportFormat;
import org.broadsheet.export.HitWriter;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = {
    "Search the archive. Words must all match; \"phrases\", OR, NOT, -word, (groups), prefix*,",
    "fuzzy~ and the fields title:, person:, place:, org: are understood."})
public final class SearchCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object, as /api/search returns")
  boolean json;

  @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--page", defaultValue = "1", description = "Page of hits (default: ${DEFAULT-VALUE})")
  int page;

  @Option(names = "--facet", paramLabel = "DIM=VALUE",
      description = "Filter by a facet value, e.g. --facet people=\"Benjamin Netanyahu\" or --facet collection=politics; repeatable")
  List<String> facetArgs;

  @Option(names = "--not", paramLabel = "DIM=VALUE",
      description = "Leave out articles with this facet value, e.g. --not places=Cairo; repeatable")
  List<String> notArgs;

  @Option(names = "--no-collapse", negatable = false,
      description = "List every copy of a story, not one hit per group of copies")
  boolean noCollapse;

  @Option(names = "--exact", negatable = false,
      description = "Count every match exactly; by default a search matching more than 100,000 articles gives estimated counts")
  boolean exact;

  @Option(names = "--group", paramLabel = "ID", description = "Only the articles of this group of copies")
  String group;

  @Option(names = "--after", paramLabel = "CURSOR", description = "The page after this cursor (\"next\" of a --json answer)")
  String after;

  @Option(names = "--format", paramLabel = "csv|jsonl",
      description = "Print hits as CSV (id,title,published,people,places,organizations,countries,group) or JSON Lines")
  String format;

  @Option(names = "--all", description = "Every matching article, no page limit (with --format)")
  boolean all;

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
    String query = words == null ? "" : String.join(" ", words);
    ExportFormat exportFormat = format == null ? null : ExportFormat.of(format);
    if (all && exportFormat == null) {
      throw new ParameterException(spec.commandLine(), "--all needs --format csv or --format jsonl");
    }
    SearchRequest request = new SearchRequest(query, pairs("--facet", facetArgs), published, from, to, sort,
        all ? 1 : page, limit, pairs("--not", notArgs), group, !noCollapse, after, exact);
    try (Broadsheet b = engine.open(archive.index())) {
      PrintStream out = System.out;
      if (exportFormat != null) {
        try (HitWriter w = exportFormat.writer(out, Json.mapper())) {
          if (all) {
            b.export(request, w);
          } else {
            for (SearchResult.Hit h : b.search(request).hits()) {
              w.accept(h);
            }
          }
        }
        out.flush();
        return 0;
      }
      SearchResult result = b.search(request);
      if (json) {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      } else {
        print(result, out);
      }
    }
    return 0;
  }

  /** DIM=VALUE options as dimension → values. */
  private Map<String, List<String>> pairs(String option, List<String> args) {
    Map<String, List<String>> out = new HashMap<>();
    for (String arg : args == null ? List.<String>of() : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), option + " takes DIM=VALUE, not '" + arg + "'");
      }
      out.computeIfAbsent(arg.substring(0, eq).strip(), d -> new ArrayList<>()).add(arg.substring(eq + 1));
    }
    return out;
  }

  private static void print(SearchResult r, PrintStream out) {
    out.printf("%s%d hits%s (%d ms)%n", r.estimated() ? "about " : "", r.total(), r.groups() < r.total() ? ", " + r.groups() + (r.groups() == 1 ? " story" : " stories") : "",
        r.tookMs());
    if (r.suggestion() != null) {
      out.printf("Did you mean: %s (%d hits)%n", r.suggestion().query(), r.suggestion().total());
    }
    int rank = (r.page() - 1) * r.size();
    for (SearchResult.Hit h : r.hits()) {
      out.printf("%n%d. %s%n   %s  %s  score %.2f%s%n", ++rank, h.title(),
          h.published() == null ? "(no date)" : h.published().substring(0, 10), h.path(), h.score(),
          h.copies() > 0 ? "  (+" + h.copies() + (h.copies() == 1 ? " copy" : " copies") + ", --group " + h.group() + ")" : "");
      if (!h.snippet().isEmpty()) {
        out.println("   " + Snippets.toTerminal(h.snippet()));
      }
    }
  }
}
