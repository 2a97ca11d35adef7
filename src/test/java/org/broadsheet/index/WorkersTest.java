package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.broadsheet.ingest.ParseOverrun;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run's workers, and a task whose parse ignores the timeout's interrupt. */
class WorkersTest {
  @TempDir
  Path tmp;

  private SourceFile file(String name) throws Exception {
    return SourceFile.of(tmp, Files.writeString(tmp.resolve(name), name));
  }

  @Test
  @Timeout(60)
  void aTaskWhoseParseOverrunsIsGivenUpAndItsThreadReplaced() throws Exception {
    CountDownLatch stuckStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Map<Thread, SkippedFileException> overrun = new HashMap<>();
    SourceFile stuck = file("stuck.txt");
    try (Workers<String> workers = new Workers<>(1, () -> {
      synchronized (overrun) {
        Map<Thread, SkippedFileException> out = new HashMap<>(overrun);
        overrun.clear(); // reported once, as the parser reports it
        return out;
      }
    })) {
      workers.submit(stuck, () -> {
        synchronized (overrun) {
          overrun.put(Thread.currentThread(), new SkippedFileException.Timeout(stuck.file(), "parsing took over 1 s"));
        }
        stuckStarted.countDown();
        while (true) { // ignores interrupts, as a parser stuck in a loop does
          if (release.await(10, TimeUnit.MILLISECONDS)) {
            throw new ParseOverrun(stuck.file()); // returns at last, after the run gave it up
          }
        }
      });
      assertTrue(stuckStarted.await(10, TimeUnit.SECONDS));
      SourceFile after = file("after.txt");
      workers.submit(after, () -> "indexed"); // one thread, taken by the stuck parse: needs a new one

      Workers.Done<String> first = workers.take();
      assertEquals(stuck, first.file());
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> first.result().get());
      assertInstanceOf(SkippedFileException.Timeout.class, e.getCause());

      Workers.Done<String> second = workers.take();
      assertEquals(after, second.file());
      assertEquals("indexed", second.result().get());

      release.countDown(); // the stuck parse returns: nothing more is reported
      SourceFile last = file("last.txt");
      workers.submit(last, () -> "indexed");
      Workers.Done<String> third = workers.take();
      assertEquals(last, third.file());
      assertEquals("indexed", third.result().get());
    }
  }

  @Test
  void aTaskThatFailsComesBackWithItsException() throws Exception {
    try (Workers<String> workers = new Workers<>(2, Map::of)) {
      SourceFile f = file("a.txt");
      workers.submit(f, () -> {
        throw new IllegalStateException("broken");
      });
      Workers.Done<String> done = workers.take();
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> done.result().get());
      assertInstanceOf(IllegalStateException.class, e.getCause());
    }
  }
}
