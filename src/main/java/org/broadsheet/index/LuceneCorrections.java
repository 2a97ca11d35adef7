package org.broadsheet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The corrections of the embedded index: the rules in a file beside it ({@link RulesFile},
 * {@link IndexLayout#entityRules()}), which {@code index --full} keeps. A change writes the file,
 * rebuilds the articles it touches from what the index stores ({@link DocumentRewriter}), and
 * commits, which makes both visible to searches at once (a running server's next refresh). Holds
 * the index's writer lock throughout, so a change and an indexing run never interleave.
 */
public final class LuceneCorrections extends EntityCorrections {
  private final IndexLayout layout;

  public LuceneCorrections(IndexLayout layout) {
    this.layout = layout;
  }

  @Override
  public List<EntityRule> rules() throws IOException {
    return RulesFile.read(layout.entityRules());
  }

  @Override
  public ArchiveCorrections current() throws IOException {
    return ArchiveCorrections.read(layout);
  }

  @Override
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

  @Override
  protected Change change(Function<List<EntityRule>, List<EntityRule>> edit) throws IOException {
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
        List<EntityRule> changed = changed(before, after);
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
}
