package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A regex over file text stops when its thread is interrupted, however long it would run. */
class InterruptibleCharSequenceTest {
  @Test
  void matchesLikeTheText() {
    CharSequence s = new InterruptibleCharSequence("The harbour council met on Monday.");
    var m = Pattern.compile("council (\\w+)").matcher(s);
    assertTrue(m.find());
    assertEquals("met", m.group(1));
  }

  @Test
  void aQuadraticMatchStopsWhenInterrupted() throws Exception {
    // The pattern that issue 8b found in ArticleParser: quadratic on 100,000 "<html " without a
    // ">", each tried to the end of the text: minutes of work.
    Pattern catastrophic = Pattern.compile("<html[^>]*?\\blang=", Pattern.CASE_INSENSITIVE);
    CharSequence text = new InterruptibleCharSequence("<html ".repeat(100_000));
    CountDownLatch matching = new CountDownLatch(1);
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        matching.countDown();
        catastrophic.matcher(text).find();
      } catch (Throwable e) {
        ended.set(e);
      }
    }, "catastrophic-regex");
    t.setDaemon(true);
    t.start();
    matching.await();
    t.interrupt();
    t.join(Duration.ofMinutes(1)); // a bound for a broken build, not a measurement
    assertFalse(t.isAlive(), "the match stopped");
    assertInstanceOf(ParseCancelled.class, ended.get());
  }
}
