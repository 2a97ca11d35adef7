package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.broadsheet.extract.ArchiveAliases;
import org.broadsheet.index.ArchiveCorrections;
import org.broadsheet.index.DerivedAliases;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.EntityRules;
import org.broadsheet.index.Fields;

/**
 * The corrections of an archive on the cluster, kept in the cluster ({@link CorrectionsIndex}) so
 * that any machine indexing into it applies them, and a rebuild keeps them. A change holds the
 * archive's writer lock ({@link ClusterLock}, as an indexing run does, so the two never
 * interleave), rewrites the articles the changed rules touch ({@link ClusterRewriter}), then
 * writes the rules. Should the rewrite fail, the articles it reached are rewritten back with the
 * rules before, which stay the cluster's. Indexing runs read the corrections here and, at their
 * end, derive the archive-wide aliases ({@link ClusterAliasDerivation}), kept here too.
 */
final class ClusterCorrections extends EntityCorrections {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterCorrections.class);
  private final OpenSearchClient client;
  private final ClusterIndex index;
  private final CorrectionsIndex store;
  private final ClusterAliasDerivation derivation;

  ClusterCorrections(OpenSearchClient client, ClusterIndex index) {
    this.client = client;
    this.index = index;
    this.store = new CorrectionsIndex(client);
    this.derivation = new ClusterAliasDerivation(client, ArchiveAliases.defaults());
  }

  @Override
  public List<EntityRule> rules() throws IOException {
    return store.rules();
  }

  @Override
  public ArchiveCorrections current() throws IOException {
    return new ArchiveCorrections(store.derived(), new EntityRules(store.rules()));
  }

  @Override
  public Map<String, Integer> touched(List<EntityRule> rules) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    boolean indexed = index.current() != null;
    for (EntityRule r : rules) {
      counts.put(r.id(), indexed ? count(TouchedArticles.byRules(List.of(r))) : 0);
    }
    return counts;
  }

  private int count(ObjectNode query) throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.set("query", query);
    return client.send("POST", "/" + index.alias() + "/_count", body).path("count").asInt();
  }

  @Override
  protected Change change(Function<List<EntityRule>, List<EntityRule>> edit) throws IOException {
    try (ClusterLock lock = ClusterLock.claim(client)) {
      List<EntityRule> before = store.rules();
      List<EntityRule> after = edit.apply(before);
      List<EntityRule> changed = changed(before, after);
      String generation = index.current();
      int rewritten = 0;
      if (generation != null && !changed.isEmpty()) {
        checkSchema();
        DerivedAliases derived = store.derived();
        ClusterRewriter rewriter = new ClusterRewriter(client, generation);
        ObjectNode touching = TouchedArticles.byRules(changed);
        try {
          rewritten = rewriter.rewrite(touching, new ArchiveCorrections(derived, new EntityRules(after)));
          store.writeRules(after);
        } catch (IOException | RuntimeException e) {
          try {
            rewriter.rewrite(touching, new ArchiveCorrections(derived, new EntityRules(before)));
          } catch (IOException | RuntimeException back) {
            e.addSuppressed(back);
          }
          throw e;
        }
      } else {
        store.writeRules(after); // nothing indexed yet: the rules wait for the first run, which reads them
      }
      return new Change(after, addedTo(before, after), rewritten);
    }
  }

  /** Documents of an older schema cannot be rewritten as this one's: the next index run rebuilds them all anyway. */
  private void checkSchema() throws IOException {
    if (!Fields.SCHEMA_VERSION.equals(index.schema())) {
      throw new IOException("the index " + client.target().location() + " was built by an older Broadsheet; run "
          + "'broadsheet reindex --opensearch " + client.target().location() + "' first, then correct");
    }
  }

  /**
   * The archive-wide aliases at the end of an indexing run (holding its lock) into {@code generation}:
   * derived, and the documents of those that changed rewritten, when the run changed the archive or
   * they were never derived; null otherwise. {@link #keep} them once the generation is searched.
   *
   * @param current the corrections the run's documents were built with
   */
  ClusterAliasDerivation.Outcome deriveAliases(String generation, ArchiveCorrections current, boolean archiveChanged)
      throws IOException {
    return archiveChanged || !store.derivedOnce() ? derivation.derive(generation, current) : null;
  }

  /**
   * Keeps the aliases a run derived, when they changed (or were never kept): what the next run
   * applies. Called once the run's generation is searched, so it must not fail the run: when the
   * cluster refuses the write, it says so, and the next run finds the same change and rewrites the
   * same articles again.
   */
  void keep(ClusterAliasDerivation.Outcome derived) {
    try {
      if (derived != null && (derived.run().changed() > 0 || !store.derivedOnce())) {
        store.writeDerived(derived.aliases());
      }
    } catch (IOException e) {
      LOG.warn("the archive-wide aliases could not be kept in {} ({}); the next index run derives them again",
          store.name(), e.getMessage());
    }
  }
}
