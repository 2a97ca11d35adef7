/**
 * Broadsheet, a searchable news archive. {@link org.broadsheet.Broadsheet} is the one facade the
 * command line, the web server and other programs use. The packages below are the pipeline, and
 * data moves one way through them: a file ({@code ingest}) becomes an {@code Article}, its entities
 * ({@code extract}), a Lucene document ({@code index}), and a result ({@code search}); {@code web}
 * and {@code cli} are the two ways in, and only they know Javalin or picocli.
 */
package org.broadsheet;
