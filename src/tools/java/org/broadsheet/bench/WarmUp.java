package org.broadsheet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Warm-up until the JIT has settled: rounds of the same work until the compilers spend less than
 * {@link #SETTLED_JIT_SHARE} of a round's process CPU time, or a number of rounds. One round was not
 * enough for Broadsheet, which runs Tika, Lucene, CoreNLP and its own code: the compiler was still
 * busy for a third of its CPU in the timed run that followed.
 */
final class WarmUp {
  /**
   * Warm-up ends when the JIT compiles for less than this share of a round's CPU time. At a tenth,
   * Broadsheet's timed run on Reuters still compiled for 13 % of its CPU (2.3 s of 17 s, 01:52 run at
   * 47b0b3e): it runs far more code than either baseline, which settles sooner.
   */
  static final double SETTLED_JIT_SHARE = 0.05;

  private WarmUp() {
  }

  /** One round of the work being warmed. */
  interface Round {
    void run() throws IOException;
  }

  /** How many rounds ran, and the share of the last one's CPU time the JIT spent compiling. */
  record Settled(int rounds, double jitShare) {
  }

  /** Runs {@code round} until the JIT has settled, at most {@code maxRounds} times. */
  static Settled untilSettled(int maxRounds, Round round) throws IOException {
    int rounds = 0;
    double jitShare = 1;
    while (rounds < maxRounds && jitShare > SETTLED_JIT_SHARE) {
      long jit0 = jitMillis();
      long cpu0 = ExtractBench.processCpuNanos();
      round.run();
      jitShare = (jitMillis() - jit0) * 1e6 / Math.max(1, ExtractBench.processCpuNanos() - cpu0);
      rounds++;
    }
    return new Settled(rounds, jitShare);
  }

  /** Milliseconds the JIT compilers have spent, all threads. */
  static long jitMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }
}
