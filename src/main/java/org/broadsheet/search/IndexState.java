package org.broadsheet.search;

/**
 * The index commit that searches read now.
 *
 * @param version  identifies the commit: it changes with every commit and differs between indexes
 *                 (Lucene's random commit id and its version), so an answer computed from one commit
 *                 can be told from an answer computed from another
 * @param articles how many articles the commit holds
 */
public record IndexState(String version, int articles) {
}
