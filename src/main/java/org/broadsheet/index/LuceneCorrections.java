package org.broadsheet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Changes the index's entity rules and brings the indexed articles in line in one commit: the
 * rules file is written, the articles the change touches are rebuilt from what the index stores
 * ({@link DocumentRewriter}), and the commit makes both visible to searches at once (a running
 * server's next refresh). Holds the index's writer lock throughout, so a change and an indexing
 * run never interleave: while {@code index} runs, a change fails with {@link IndexInUseException}.
 */
public final class EntityCorrections {
  private final IndexLayout layout;

  public EntityCorrections(IndexLayout layout) {
    this.layout = layout;
  }

  /** A change made: the rules now, the rule it added (if any) and how many articles were rebuilt. */
  public record Change(List<EntityRule> rules, Optional<EntityRule> added, int rewritten) {
  }

  /** The rules, in the order they apply. */
  public List<EntityRule> rules() throws IOException {
    return RulesFile.read(layout.entityRules());
  }

  /**
   * Adds the rule {@code make} builds from a fresh id and the time now, last in order.
   *
   * @throws IllegalArgumentException when the rule is not valid
   */
  public Change add(java.util.function.BiFunction<String, String, EntityRule> make) throws IOException {
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

  /** How many live articles each rule touches now (its values as extracted, or as a value now), by id. */
  public Map<String, Integer> touched(List<EntityRule> rules) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (!layout.exists()) {
      rules.forEach(r -> counts.put(r.id(), 0));
      return counts;
    }
    try (Directory dir = FSDirectory.open(layout.lucene()); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (EntityRule r : rules) {
        counts.put(r.id(), searcher.count(EntityRules.touching(r)));
      }
    } catch (IOException e) {
      throw IndexDamagedException.named(layout.root(), e);
    }
    return counts;
  }

  private Change change(Function<List<EntityRule>, List<EntityRule>> edit) throws IOException {
    if (!Files.isDirectory(layout.root())) {
      throw new NoSuchFileException(layout.root().toString(), null, "no index here; run 'broadsheet index PATH' first");
    }
    if (!layout.exists()) {
      // Nothing indexed yet: the rules wait for the first run, which reads them.
      List<EntityRule> after = edit.apply(rules());
      RulesFile.write(layout.entityRules(), after);
      return new Change(after, addedTo(List.of(), after), 0);
    }
    try (Directory dir = FSDirectory.open(layout.lucene()); IndexWriter writer = openWriter(dir)) {
      WriterLock.claim(layout);
      try {
        checkSchema(writer);
        List<EntityRule> before = rules();
        List<EntityRule> after = edit.apply(before);
        List<EntityRule> changed = new ArrayList<>(after);
        changed.removeAll(before);
        before.stream().filter(r -> !after.contains(r)).forEach(changed::add);
        RulesFile.write(layout.entityRules(), after);
        int rewritten;
        try {
          // The derived aliases stay: they apply first, the people's rules after them.
          Corrections corrections = new ArchiveCorrections(DerivedAliasesFile.read(layout.derivedAliases()),
              new EntityRules(after));
          DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig(), corrections);
          rewritten = new DocumentRewriter(builder).rewrite(writer, EntityRules.touching(changed));
          writer.commit();
        } catch (IOException | RuntimeException e) {
          writer.rollback();
          RulesFile.write(layout.entityRules(), before); // the file says what the index has
          throw e;
        }
        return new Change(after, addedTo(before, after), rewritten);
      } finally {
        WriterLock.release(layout);
      }
    }
  }

  private IndexWriter openWriter(Directory dir) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzer.forIndexing());
    config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    config.setCommitOnClose(false);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw WriterLock.inUse(layout, e, "wait for the indexing run to finish, then correct");
    } catch (IOException e) {
      throw IndexDamagedException.named(layout.root(), e);
    }
  }

  /** Documents of an older schema cannot be rebuilt as this one's: the next index run rebuilds them all anyway. */
  private void checkSchema(IndexWriter writer) throws IOException {
    String schema = null;
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(Fields.SCHEMA_KEY)) {
        schema = e.getValue();
      }
    }
    if (!Fields.SCHEMA_VERSION.equals(schema)) {
      throw new IOException("the index at " + layout.root() + " was built by an older Broadsheet; run "
          + "'broadsheet reindex --index " + layout.root() + "' first, then correct");
    }
  }

  private static Optional<EntityRule> addedTo(List<EntityRule> before, List<EntityRule> after) {
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
