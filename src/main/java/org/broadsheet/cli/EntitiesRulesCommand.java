package org.broadsheet.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.EntityRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rules", description = {"The correction rules in the order they apply: id, when made, articles it touches, what it does."})
public final class EntitiesRulesCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--json", description = "JSON: [{\"id\", \"action\", \"dim\", \"values\", \"to\", \"created\", \"articles\"}]")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (Broadsheet b = engine.open(archive.index())) {
      EntityCorrections corrections = b.corrections();
      List<EntityRule> rules = corrections.rules();
      Map<String, Integer> touched = corrections.touched(rules);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(
            rules.stream().map(r -> EntitiesCommand.RuleJson.of(r, touched)).toList()));
        return 0;
      }
      if (rules.isEmpty()) {
        System.out.println("no rules (add one with 'broadsheet entities merge|rename|retype|hide')");
      }
      for (EntityRule r : rules) {
        int n = touched.getOrDefault(r.id(), 0);
        System.out.printf("%-5s %s  %6d %-8s  %s%n", r.id(), r.created(), n, n == 1 ? "article" : "articles",
            r.describe());
      }
    }
    return 0;
  }
}
