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

@Command(name = "hide", description = {"Drop values the recogniser got wrong from every article: entities hide --dim people \"Reuters Staff\""})
public final class EntitiesHideCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--dim", required = true, paramLabel = "DIM", description = "people, places or organizations")
  String dim;

  @Parameters(paramLabel = "VALUE", arity = "1..*", description = "The values to hide")
  List<String> values;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String d = EntitiesCommand.dim(spec, dim);
    try (Broadsheet b = engine.open(archive.index())) {
      return EntitiesCommand.add(spec, b.corrections(),
          (id, created) -> new EntityRule(id, EntityRule.Action.HIDE, d, values, null, created));
    }
  }
}
