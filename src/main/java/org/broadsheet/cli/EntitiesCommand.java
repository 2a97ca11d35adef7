package org.broadsheet.cli;

import java.io.PrintStream;
import java.util.Map;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.Fields;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code broadsheet entities}: review the people, places and organisations the archive found, and
 * correct them with rules that apply to every article, now and at every later index run.
 */
@Command(name = "entities", description = {
    "Review and correct the archive's people, places and organisations. Corrections are rules kept",
    "with the index (beside it in entity-rules.json, or with --opensearch in the cluster's",
    "<name>-corrections index); they apply to every article now and after every index, reindex",
    "and index --full, without running NER again."},
    subcommands = {EntitiesListCommand.class, EntitiesMergeCommand.class, EntitiesRenameCommand.class,
        EntitiesRetypeCommand.class, EntitiesHideCommand.class, EntitiesRulesCommand.class, EntitiesDropCommand.class,
        EntitiesExportCommand.class, EntitiesImportCommand.class})
public final class EntitiesCommand implements Runnable {
  @CommandLine.Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "say what to do: list, merge, rename, retype, hide, rules, drop, export or import");
  }

  /** The dimension an option names, checked: a bad one is a usage error. */
  static String dim(CommandSpec spec, String dim) {
    if (!Fields.NAMED_DIMS.contains(dim)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--dim must be one of " + String.join(", ", Fields.NAMED_DIMS) + ", not '" + dim + "'");
    }
    return dim;
  }

  /**
   * Adds the rule and says what it did: one line, with the articles rewritten.
   *
   * @throws CommandLine.ParameterException when the rule is not valid
   */
  static int add(CommandSpec spec, EntityCorrections corrections,
                 java.util.function.BiFunction<String, String, EntityRule> make) throws java.io.IOException {
    EntityCorrections.Change change;
    try {
      change = corrections.add(make);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    EntityRule rule = change.added().orElseThrow();
    report(System.out, rule.id() + ": " + rule.describe(), change.rewritten());
    return 0;
  }

  /** "... : N articles rewritten", saying so when none has the value yet. */
  static void report(PrintStream out, String what, int rewritten) {
    out.println(what + ": " + rewritten + (rewritten == 1 ? " article" : " articles") + " rewritten"
        + (rewritten == 0 ? " (no article has it yet; it applies to articles indexed later)" : ""));
  }

  /** The rules with how many articles each touches, as {@code rules --json} prints them. */
  record RuleJson(String id, String action, String dim, java.util.List<String> values, String to, String created,
                  int articles) {
    static RuleJson of(EntityRule r, Map<String, Integer> touched) {
      return new RuleJson(r.id(), r.action().label(), r.dim(), r.values(), r.to(), r.created(),
          touched.getOrDefault(r.id(), 0));
    }
  }
}
