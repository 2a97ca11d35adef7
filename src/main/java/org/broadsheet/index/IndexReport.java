package org.broadsheet.index;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an indexing run did.
 *
 * @param failures each skipped file with the kind of skip and the reason
 * @param aliases  the archive-wide aliases derived at the end, null when the run changed nothing
 */
public record IndexReport(int indexed, int unchanged, int deleted, List<Failure> failures, long bytesParsed,
                          Duration elapsed, AliasRun aliases) {
  public enum Outcome { INDEXED, UNCHANGED, FAILED }

  /**
   * The archive-wide aliases at the end of the run: how many there are, how many changed since the
   * last run and how many articles were rebuilt for them. Null when the run changed nothing, so
   * nothing was gathered.
   */
  public record AliasRun(int aliases, int changed, int rewritten) {
  }

  public record Failure(String file, String kind, String reason) {
  }

  public int failed() {
    return failures.size();
  }

  /** Failures counted by kind, for the summary line. */
  public Map<String, Integer> failuresByKind() {
    Map<String, Integer> counts = new TreeMap<>();
    failures.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
    return counts;
  }
}
