package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.broadsheet.extract.ArchiveAliases;
import org.broadsheet.index.ArchiveCorrections;
import org.broadsheet.index.ArchiveStatistics;
import org.broadsheet.index.DerivedAliases;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexReport;

/**
 * The end of an indexing run into the cluster that changed something, as the embedded indexer's
 * {@code AliasDerivation}: gathers the archive's statistics from the mentions as extracted of
 * every document of the generation written ({@link ArchiveStatistics.Gathering}, page by page),
 * derives the aliases, and rewrites exactly the documents of the aliases that changed. The caller
 * keeps the aliases in the corrections index once the generation is published.
 */
final class ClusterAliasDerivation {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterAliasDerivation.class);
  private static final String[] FIELDS = {Fields.MENTIONS, Fields.EXTRACTED_MENTIONS, Fields.PUBLISHED};

  private final OpenSearchClient client;
  private final ArchiveAliases deriver;

  ClusterAliasDerivation(OpenSearchClient client, ArchiveAliases deriver) {
    this.client = client;
    this.deriver = deriver;
  }

  /** What a derivation found: the aliases now, and the run's account of them. */
  record Outcome(DerivedAliases aliases, IndexReport.AliasRun run) {
  }

  /**
   * @param index   the generation the run wrote (searched or not yet)
   * @param current the corrections the run's documents were built with
   */
  Outcome derive(String index, ArchiveCorrections current) throws IOException {
    long start = System.nanoTime();
    ArchiveStatistics.Gathering gathering = new ArchiveStatistics.Gathering();
    ObjectNode all = client.json().createObjectNode();
    all.putObject("match_all");
    int articles = new ClusterScan(client, index).forEach(all, FIELDS, (id, source) -> {
      JsonNode published = source.path(Fields.PUBLISHED);
      gathering.article(ClusterRewriter.extracted(source).mentions(),
          published.isNumber() || published.isTextual() ? published.asLong() : null);
    });
    ArchiveAliases.Stats stats = gathering.stats();
    DerivedAliases now = new DerivedAliases(deriver.derive(stats));
    LOG.debug("{} archive-wide aliases from {} values of {} articles in {} ms", now.aliases().size(),
        stats.values().size(), articles, (System.nanoTime() - start) / 1_000_000);
    List<ArchiveAliases.Alias> changed = now.changedFrom(current.derived());
    int rewritten = changed.isEmpty() ? 0
        : new ClusterRewriter(client, index).rewrite(TouchedArticles.byAliases(changed), current.withDerived(now));
    return new Outcome(now, new IndexReport.AliasRun(now.aliases().size(), changed.size(), rewritten));
  }
}
