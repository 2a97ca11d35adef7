package org.broadsheet.cli;

import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.RulesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "export", description = {"Print the rules as the index keeps them (JSON), to keep or to import elsewhere: entities export > rules.json"})
public final class EntitiesExportCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    try (Broadsheet b = engine.open(archive.index())) {
      System.out.print(RulesFile.format(b.corrections().rules()));
    }
    return 0;
  }
}
