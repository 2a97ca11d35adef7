package org.broadsheet.cli;

import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.EntityCorrections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "drop", description = {"Remove a rule: the articles it touched get back what was extracted (or what the other rules make of it)."})
public final class EntitiesDropCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Parameters(paramLabel = "RULE_ID", arity = "1", description = "The rule's id, as 'entities rules' lists it")
  String id;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Broadsheet b = engine.open(archive.index())) {
      EntityCorrections.Change change;
      try {
        change = b.corrections().drop(id);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      EntitiesCommand.report(System.out, "dropped " + id, change.rewritten());
    }
    return 0;
  }
}
