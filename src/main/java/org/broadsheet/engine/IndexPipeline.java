package org.broadsheet.engine;

import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.ExtractionCache;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ArticleParser;

/**
 * What an indexing run reads files and finds entities with: the facade owns these (the NER models
 * load once per archive) and hands them to the engine for one run.
 *
 * @param parser    reads a file into an article
 * @param extractor finds entities; null when {@link IndexSettings#extract()} is off
 * @param cache     extraction results by content hash; null to extract every article afresh
 * @param settings  threads, commit interval, links, extraction on or off
 */
public record IndexPipeline(ArticleParser parser, EntityExtractor extractor, ExtractionCache cache,
                            IndexSettings settings) {
  public IndexPipeline {
    java.util.Objects.requireNonNull(parser);
    java.util.Objects.requireNonNull(settings);
  }
}
