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

@Command(name = "retype", description = {"Move a value to another dimension: entities retype --dim people Labour --to organizations"})
public final class EntitiesRetypeCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--dim", required = true, paramLabel = "DIM", description = "Where the value is now: people, places or organizations")
  String dim;

  @Parameters(paramLabel = "VALUE", arity = "1", description = "The value to move")
  String value;

  @Option(names = "--to", required = true, paramLabel = "DIM2", description = "Where it belongs: people, places or organizations")
  String to;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String d = EntitiesCommand.dim(spec, dim);
    String d2 = EntitiesCommand.dim(spec, to);
    try (Broadsheet b = engine.open(archive.index())) {
      return EntitiesCommand.add(spec, b.corrections(),
          (id, created) -> new EntityRule(id, EntityRule.Action.RETYPE, d, List.of(value), d2, created));
    }
  }
}
