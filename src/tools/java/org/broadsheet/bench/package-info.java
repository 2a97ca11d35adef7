/**
 * {@code broadsheet bench}: measures ingest, re-index, query latency and memory against baselines
 * run in the same process, and writes the figures to {@code target/bench/}. A tool, not part of the
 * product jar.
 */
package org.broadsheet.bench;
