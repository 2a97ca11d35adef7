package org.broadsheet.index;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The people's corrections to the entities of one archive, wherever its index is: the rules
 * ({@link EntityRule}), in the order they apply, and changes to them that bring the indexed
 * articles in line (rewriting the articles a change touches from what the index keeps of them,
 * without their files or NER). Each engine keeps the rules with its index, so that
 * {@code index --full} and every later run apply them: {@link LuceneCorrections} beside the
 * embedded index, {@code opensearch.ClusterCorrections} in the cluster. A change and an indexing
 * run never interleave: while {@code index} runs, a change fails with {@link IndexInUseException}.
 */
public abstract class EntityCorrections {

  /** A change made: the rules now, the rule it added (if any) and how many articles were rewritten. */
  public record Change(List<EntityRule> rules, Optional<EntityRule> added, int rewritten) {
  }

  /** The rules, in the order they apply. */
  public abstract List<EntityRule> rules() throws IOException;

  /**
   * Every correction as the next indexing run applies it: the archive-wide aliases derived at the
   * last run, then the people's rules ({@link ArchiveCorrections}).
   */
  public abstract ArchiveCorrections current() throws IOException;

  /** How many live articles each rule touches now (its values as extracted, or as a value now), by id. */
  public abstract Map<String, Integer> touched(List<EntityRule> rules) throws IOException;

  /**
   * Replaces the rules with what {@code edit} makes of them and rewrites the articles the rules
   * that changed (added, dropped or replaced) touch; both or neither, as far as the engine allows.
   *
   * @param edit the rules after, from the rules before; may throw {@link IllegalArgumentException}
   */
  protected abstract Change change(Function<List<EntityRule>, List<EntityRule>> edit) throws IOException;

  /**
   * Adds the rule {@code make} builds from a fresh id and the time now, last in order.
   *
   * @throws IllegalArgumentException when the rule is not valid
   */
  public Change add(BiFunction<String, String, EntityRule> make) throws IOException {
    return change(before -> {
      List<EntityRule> after = new ArrayList<>(before);
      after.add(make.apply(nextId(before), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
      return after;
    });
  }

  /** Drops the rule with this id. @throws IllegalArgumentException when there is none */
  public Change drop(String id) throws IOException {
    return change(before -> {
      List<EntityRule> after = new ArrayList<>(before);
      if (!after.removeIf(r -> r.id().equals(id))) {
        throw new IllegalArgumentException("no rule with the id '" + id + "'; 'broadsheet entities rules' lists them");
      }
      return after;
    });
  }

  /** Replaces every rule with {@code rules} (an import). */
  public Change replace(List<EntityRule> rules) throws IOException {
    return change(before -> List.copyOf(rules));
  }

  /** The rules in one list and not the other (added, dropped, replaced): those whose articles a change rewrites. */
  protected static List<EntityRule> changed(List<EntityRule> before, List<EntityRule> after) {
    List<EntityRule> changed = new ArrayList<>(after);
    changed.removeAll(before);
    before.stream().filter(r -> !after.contains(r)).forEach(changed::add);
    return changed;
  }

  /** The last rule in {@code after} that was not in {@code before}. */
  protected static Optional<EntityRule> addedTo(List<EntityRule> before, List<EntityRule> after) {
    return after.stream().filter(r -> !before.contains(r)).reduce((a, b) -> b);
  }

  /** One more than the highest {@code rN} id in use. */
  private static String nextId(List<EntityRule> rules) {
    int max = 0;
    for (EntityRule r : rules) {
      if (r.id().matches("r\\d{1,9}")) {
        max = Math.max(max, Integer.parseInt(r.id().substring(1)));
      }
    }
    return "r" + (max + 1);
  }
}
