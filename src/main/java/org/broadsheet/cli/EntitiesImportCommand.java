package org.broadsheet.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.RulesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
    "Replace the index's rules with those of a file 'entities export' wrote; the articles the old",
    "and the new rules touch are rewritten. The file is checked whole before anything changes."})
public final class EntitiesImportCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Parameters(paramLabel = "FILE", arity = "1", description = "A rules file (JSON)")
  Path file;

  @Override
  public Integer call() throws Exception {
    List<EntityRule> rules = RulesFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    try (Broadsheet b = engine.open(archive.index())) {
      EntityCorrections.Change change = b.corrections().replace(rules);
      EntitiesCommand.report(System.out, "imported " + rules.size() + (rules.size() == 1 ? " rule" : " rules"),
          change.rewritten());
    }
    return 0;
  }
}
