package org.broadsheet.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.broadsheet.index.IndexDamagedException;
import org.broadsheet.index.IndexInUseException;
import org.broadsheet.index.IndexingStoppedException;
import org.broadsheet.search.BadQueryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code broadsheet} command: one subcommand class per verb. */
@Command(name = "broadsheet", mixinStandardHelpOptions = true, version = "Broadsheet 0.1.0",
    description = "A searchable news archive.",
    subcommands = {IndexCommand.class, ReindexCommand.class, SearchCommand.class, ExtractCommand.class,
        ServeCommand.class, EntitiesCommand.class, CommandLine.HelpCommand.class})
public final class BroadsheetCommand {
  /**
   * Lucene reports through java.util.logging that the vector API is off; Broadsheet does
   * no vector search, so that warning is noise. Held here so the setting is not collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTORS =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line, also used by tests. {@code extraSubcommands} are picocli commands
   * from outside the product (the developers' {@code bench}, in {@code src/tools}), configured like
   * the product's own.
   */
  /** --help on a subcommand and on each of its own subcommands ({@code entities merge --help}). */
  private static void withHelp(CommandLine sub) {
    sub.getCommandSpec().mixinStandardHelpOptions(true);
    sub.getSubcommands().values().forEach(BroadsheetCommand::withHelp);
  }

  public static CommandLine commandLine(Object... extraSubcommands) {
    CommandLine cli = new CommandLine(new BroadsheetCommand());
    for (Object sub : extraSubcommands) {
      cli.addSubcommand(sub);
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Every subcommand answers --help (and --version), not only the top one.
    cli.getSubcommands().values().forEach(BroadsheetCommand::withHelp);
    // A mistyped option: one line and a pointer to --help, not the whole usage text.
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println("broadsheet: " + e.getMessage());
      cmd.getErr().println("(see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Expected failures get one clear line, not a stack trace.
      String message = switch (e) {
        case BadQueryException q -> "bad query: " + q.getMessage();
        case IndexInUseException u -> u.getMessage();
        case IndexDamagedException d -> d.getMessage();
        case org.broadsheet.index.RulesFile.RulesException r -> r.getMessage();
        case IndexingStoppedException s -> s.getMessage();
        case NoSuchFileException n -> "not found: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        case IOException io -> "I/O error: " + io.getMessage();
        default -> null;
      };
      if (message == null) {
        throw e;
      }
      cmd.getErr().println("broadsheet: " + message);
      return e instanceof BadQueryException ? 2 : 1; // a bad query is a usage error, like a bad option
    });
    return cli;
  }
}
