package org.broadsheet.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.broadsheet.extract.ArchiveAliases;

/**
 * The end of an index run that changed something: gathers the archive's statistics from what the
 * writer holds now (its uncommitted changes included), derives the aliases, and rebuilds through
 * {@link DocumentRewriter} exactly the articles of the aliases that changed. The caller commits
 * (so the rewrite is part of the run's commit) and then writes the aliases file.
 */
final class AliasDerivation {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AliasDerivation.class);
  private final ArchiveAliases deriver;

  AliasDerivation(ArchiveAliases deriver) {
    this.deriver = deriver;
  }

  /** What a derivation found: the aliases now, how many changed, how many articles were rebuilt. */
  record Outcome(DerivedAliases aliases, int changed, int rewritten) {
    IndexReport.AliasRun report() {
      return new IndexReport.AliasRun(aliases.aliases().size(), changed, rewritten);
    }
  }

  /** @param current the corrections the run's documents were built with */
  Outcome derive(IndexWriter writer, ArchiveCorrections current) throws IOException {
    long start = System.nanoTime();
    ArchiveAliases.Stats stats;
    int articles;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      stats = ArchiveStatistics.of(reader);
      articles = reader.numDocs();
    }
    DerivedAliases now = new DerivedAliases(deriver.derive(stats));
    LOG.debug("{} archive-wide aliases from {} values of {} articles in {} ms", now.aliases().size(),
        stats.values().size(), articles, (System.nanoTime() - start) / 1_000_000);
    List<ArchiveAliases.Alias> changed = now.changedFrom(current.derived());
    if (changed.isEmpty()) {
      return new Outcome(now, 0, 0);
    }
    DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig(), current.withDerived(now));
    int rewritten = new DocumentRewriter(builder).rewrite(writer, DerivedAliases.touching(changed));
    return new Outcome(now, changed.size(), rewritten);
  }
}
