package org.broadsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index} option every subcommand shares, and where the defaults point. */
public final class ArchiveOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: index)")
  Path index;

  Path index() {
    return index != null ? index : Defaults.resolve("index");
  }

  /** Default paths: relative to the working folder, else to the Broadsheet checkout the launcher runs from. */
  static final class Defaults {
    private Defaults() {
    }

    static Path resolve(String name) {
      Path here = Path.of(name);
      if (Files.exists(here)) {
        return here;
      }
      String home = System.getProperty("broadsheet.home");
      if (home != null && Files.exists(Path.of(home, name))) {
        // Say so: a search run elsewhere would otherwise answer from the install's sample silently.
        System.err.println("broadsheet: no " + name + "/ here; using " + Path.of(home, name));
        return Path.of(home, name);
      }
      return here;
    }
  }
}
