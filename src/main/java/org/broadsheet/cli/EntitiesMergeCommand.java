package org.broadsheet.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.EntityRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = {
    "Make several values one: every article naming any of them names the --into value instead",
    "(the spellings stay on its page). Example: entities merge --dim organizations Tories --into \"Conservative Party\""})
public final class EntitiesMergeCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--dim", required = true, paramLabel = "DIM", description = "people, places or organizations")
  String dim;

  @Parameters(paramLabel = "VALUE", arity = "1..*", description = "The values to merge")
  List<String> values;

  @Option(names = "--into", required = true, paramLabel = "VALUE", description = "The value they become")
  String into;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String d = EntitiesCommand.dim(spec, dim);
    try (Broadsheet b = engine.open(archive.index())) {
      return EntitiesCommand.add(spec, b.corrections(),
          (id, created) -> new EntityRule(id, EntityRule.Action.MERGE, d, values, into, created));
    }
  }
}
