package org.broadsheet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.index.Fields;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = {
    "The values of people, places and organisations with the number of articles naming each,",
    "most frequent first (spellings that differ in case or accents are one value)."})
public final class EntitiesListCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--dim", paramLabel = "DIM", description = "people, places or organizations (default: all three)")
  String dim;

  @Option(names = "--top", paramLabel = "N", description = "Values per dimension (default: ${DEFAULT-VALUE})",
      defaultValue = "50")
  int top;

  @Option(names = "--prefix", paramLabel = "P", description = "Only values whose name or a word in it starts with P")
  String prefix;

  @Option(names = "--json", description = "JSON: {\"people\": [{\"value\", \"label\", \"count\"}], ...}")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (top < 1 || top > 100_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top must be from 1 to 100000");
    }
    List<String> dims = dim == null ? Fields.NAMED_DIMS : List.of(EntitiesCommand.dim(spec, dim));
    Map<String, List<SearchResult.FacetValue>> values = new LinkedHashMap<>();
    try (Broadsheet b = engine.open(archive.index())) {
      for (String d : dims) {
        values.put(d, b.facetValues(SearchRequest.of(""), d, prefix, top));
      }
    }
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(values));
      return 0;
    }
    values.forEach((d, vs) -> {
      System.out.println(d + ":");
      if (vs.isEmpty()) {
        System.out.println("  (none)");
      }
      vs.forEach(v -> System.out.printf("  %7d  %s%n", v.count(), v.label()));
    });
    return 0;
  }
}
