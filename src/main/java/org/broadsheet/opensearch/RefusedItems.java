package org.broadsheet.opensearch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A batch the cluster answers item by item (a {@code _bulk}, an {@code _msearch}): the items it
 * refuses with 429 (a queue full: back-pressure) are sent again, alone, after a pause that doubles
 * from 0.2 s, at most {@link #RETRIES} times; then the run fails with a one-line reason. What to do
 * with the other answers (take them, or fail on a real refusal) is the round's.
 */
final class RefusedItems {
  static final int RETRIES = 8;

  private RefusedItems() {
  }

  /** One round: sends {@code items} and returns those refused with 429. */
  interface Round<T> {
    List<T> send(List<T> items) throws IOException;
  }

  /** @param what the items, as the failure names them ("document(s)") */
  static <T> void send(List<T> items, String what, Round<T> round) throws IOException {
    Duration pause = Duration.ofMillis(200);
    for (int attempt = 0; !items.isEmpty(); attempt++) {
      List<T> again = round.send(items);
      if (!again.isEmpty() && attempt == RETRIES) {
        throw new OpenSearchException(429, "es_rejected_execution_exception", "OpenSearch kept refusing "
            + again.size() + " " + what + " as too busy; try again later or with fewer --threads");
      }
      if (!again.isEmpty()) {
        OpenSearchClient.sleep(pause);
        pause = pause.multipliedBy(2);
      }
      items = again;
    }
  }
}
