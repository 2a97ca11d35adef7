package org.broadsheet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", description = {
    "Bring the index up to date with the folders it was built from: changed and new files are",
    "indexed, removed ones leave the index, unchanged ones are not read again. --full rebuilds."})
public final class ReindexCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Mixin
  IndexCommand.IndexingOptions indexing;

  @Override
  public Integer call() throws Exception {
    List<Path> roots;
    try (Broadsheet b = engine.open(archive.index())) {
      roots = b.indexedRoots();
    }
    if (roots.isEmpty()) {
      System.err.println("broadsheet: the index at " + (engine.opensearch != null ? engine.opensearch : archive.index()) + " has no articles; run 'broadsheet index PATH' first");
      return 1;
    }
    return indexing.run(archive.index(), engine, roots);
  }
}
