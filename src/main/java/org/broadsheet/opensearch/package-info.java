/**
 * The archive on an OpenSearch 3.x cluster (issue 16), over HTTP and JSON
 * ({@code OpenSearchClient}: the JDK's client and Jackson). {@code OpenSearchTarget} is where (the
 * URL given to {@code --opensearch}; credentials from the environment); {@code IndexDefinition} the
 * index settings and mapping that reproduce our analysis and fields; {@code ArticleDocument} an
 * article as a document; {@code BulkWriter} the bulk API in batches with retries on back-pressure;
 * {@code QueryTranslator} the query language, parsed by our own parser, as query DSL.
 * {@code ClusterCorrections} keeps the people's entity rules and the derived aliases in the
 * cluster ({@code CorrectionsIndex}) and rewrites the articles a change touches
 * ({@code ClusterRewriter}); {@code ClusterAliasDerivation} derives the aliases at the end of a run.
 * See docs/opensearch.md.
 */
package org.broadsheet.opensearch;
