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

@Command(name = "rename", description = {"Spell a value anew in every article: entities rename --dim people \"Tony Blaire\" --to \"Tony Blair\""})
public final class EntitiesRenameCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--dim", required = true, paramLabel = "DIM", description = "people, places or organizations")
  String dim;

  @Parameters(paramLabel = "VALUE", arity = "1", description = "The value to rename")
  String value;

  @Option(names = "--to", required = true, paramLabel = "NEW", description = "Its new name")
  String to;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String d = EntitiesCommand.dim(spec, dim);
    try (Broadsheet b = engine.open(archive.index())) {
      return EntitiesCommand.add(spec, b.corrections(),
          (id, created) -> new EntityRule(id, EntityRule.Action.RENAME, d, List.of(value), to, created));
    }
  }
}
