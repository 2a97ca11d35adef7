/**
 * The archive on an OpenSearch 3.x cluster (issue 16), over HTTP and JSON
 * ({@code OpenSearchClient}: the JDK's client and Jackson). {@code OpenSearchTarget} is where (the
 * URL given to {@code --opensearch}; credentials from the environment); {@code IndexDefinition} the
 * index settings and mapping that reproduce our analysis and fields; {@code ArticleDocument} an
 * article as a document; {@code BulkWriter} the bulk API in batches with retries on back-pressure;
 * {@code QueryTranslator} the query language, parsed by our own parser, as query DSL. See
 * docs/opensearch.md.
 */
package org.broadsheet.opensearch;
