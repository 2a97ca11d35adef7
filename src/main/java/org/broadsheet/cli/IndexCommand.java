package org.broadsheet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", description = {
    "Index folders or files of articles (default: corpus/). Incremental: only new or changed files",
    "are parsed, and articles whose files are gone from a folder given are removed. Articles outside",
    "the paths given are left as they are (but for one that moved into them: a renamed file or folder).",
    "Symbolic links inside a folder are not followed unless --follow-links is given.",
    "Exit status: 0 all indexed, 2 some files failed, 1 the run failed."})
public final class IndexCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Mixin
  IndexingOptions indexing;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files to index (default: corpus)")
  List<Path> paths;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    boolean named = paths != null && !paths.isEmpty();
    List<Path> roots = named ? paths : List.of(ArchiveOptions.Defaults.resolve("corpus"));
    if (indexing.full && !named) {
      List<Path> others = rootsBesides(engine, archive.index(), roots.get(0));
      if (!others.isEmpty()) {
        // A rebuild from the default folder alone would drop every article the index holds from elsewhere.
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "the index also holds articles from "
            + others.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))
            + ": name every folder to rebuild from (index --full FOLDER...), or use 'reindex --full'");
      }
    }
    return indexing.run(archive.index(), engine, roots);
  }

  /** The folders and files the index was built from, other than {@code root}; none when it cannot be read. */
  private static List<Path> rootsBesides(EngineOptions engine, Path index, Path root) {
    if (engine.target() == null && !Files.isDirectory(index)) {
      return List.of();
    }
    try (Broadsheet b = engine.open(index)) {
      Path given = root.toAbsolutePath().normalize();
      return b.indexedRoots().stream().filter(r -> !r.equals(given) && !r.startsWith(given)).toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // a damaged index: --full is how it is rebuilt
    }
  }

  /** Exit status for a finished run. */
  static int exitCode(IndexReport report) {
    return report.failed() == 0 ? 0 : 2;
  }

  /** Options shared by index and reindex. */
  static final class IndexingOptions {
    @Option(names = "--full", description = "Rebuild from nothing; searches see the old index until the new one is complete")
    boolean full;

    @Option(names = "--threads", description = "Parsing and extraction threads (default: all cores)")
    Integer threads;

    @Option(names = "--no-extract", description = "Skip entity extraction (text only, faster)")
    boolean noExtract;

    @Option(names = "--follow-links", description = {"Follow symbolic links inside the folders given, even to files",
        "outside them (default: links are reported and skipped)"})
    boolean followLinks;

    @Option(names = "--commit-every", paramLabel = "DURATION", converter = DurationConverter.class,
        description = {"Commit at least this often (e.g. 30s, 500ms, 2m; default: 30s), so that a crash",
            "loses at most this much work; a full rebuild commits once, at the end"})
    java.time.Duration commitEvery;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    int run(Path index, EngineOptions engine, List<Path> roots) throws Exception {
      IndexSettings settings = IndexSettings.defaults().withExtract(!noExtract).withFollowLinks(followLinks);
      if (threads != null) {
        if (threads < 1) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more");
        }
        settings = settings.withThreads(threads);
      }
      if (commitEvery != null) {
        settings = settings.withCommitInterval(commitEvery);
      }
      try (Broadsheet b = engine.open(index, settings, ParserLimits.DEFAULT, org.broadsheet.search.SearchSettings.defaults())) {
        ProgressReporter progress = new ProgressReporter(System.err, System.console() != null);
        return exitCode(b.index(roots, full, progress));
      }
    }
  }
}
