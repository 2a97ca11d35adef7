/**
 * The engine boundary: {@link org.broadsheet.engine.ArchiveEngine} is everything the facade asks of
 * the index, writing (an incremental indexing run, its bookkeeping and commits) and reading
 * (searches with facets counted drill-sideways, the timeline, facet values by prefix, one
 * article with its related ones, completions, entity pages). The pipeline that feeds it
 * ({@code ingest} and {@code extract}) comes in as an {@link org.broadsheet.engine.IndexPipeline}.
 * {@link org.broadsheet.engine.LuceneEngine}, the embedded Lucene index in a folder, is the
 * default; the command line and the web server do not know which engine they talk to.
 */
package org.broadsheet.engine;
