package org.broadsheet.index;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things live inside an index folder. The Lucene index has a folder of its own so
 * that the extraction cache beside it survives a full rebuild.
 */
public record IndexLayout(Path root) {
  public Path lucene() {
    return root.resolve("lucene");
  }

  /** Extraction results keyed by content hash; kept across {@code index --full}. */
  public Path extractions() {
    return root.resolve("extractions");
  }

  /** The people's entity corrections ({@link RulesFile}); kept across {@code index --full}. */
  public Path entityRules() {
    return root.resolve("entity-rules.json");
  }

  /**
   * The merges derived from the whole archive ({@link DerivedAliasesFile}), rewritten by each index
   * run that changed something; kept across {@code index --full}. They apply before the people's rules.
   */
  public Path derivedAliases() {
    return root.resolve("derived-aliases.json");
  }

  /** Holds the process id of the current writer, for a clear "in use" message. */
  public Path writerPidFile() {
    return root.resolve("writer.pid");
  }

  /** True when a Lucene index has been committed here. */
  public boolean exists() {
    Path dir = lucene();
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
