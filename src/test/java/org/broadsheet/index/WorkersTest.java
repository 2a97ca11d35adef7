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

  /**
   * A parse stuck in a loop that ignores interrupts until released, and what the parser reports of
   * it: the overrun of its thread, once, as {@code ArticleParser} reports it.
   */
  private static final class StuckParse {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Map<Thread, SkippedFileException> overrun = new HashMap<>();

    /** The parser's report: the overruns since the last call. */
    Map<Thread, SkippedFileException> overruns() {
      synchronized (overrun) {
        Map<Thread, SkippedFileException> out = new HashMap<>(overrun);
        overrun.clear(); // reported once, as the parser reports it
        return out;
      }
    }

    /** The stuck parse of {@code file}: it returns at last, once released, after the run gave it up. */
    java.util.concurrent.Callable<String> of(SourceFile file) {
      return () -> {
        synchronized (overrun) {
          overrun.put(Thread.currentThread(), new SkippedFileException.Timeout(file.file(), "parsing took over 1 s"));
        }
        started.countDown();
        while (!release.await(10, TimeUnit.MILLISECONDS)) {
          // ignores interrupts, as a parser stuck in a loop does
        }
        throw new ParseOverrun(file.file());
      };
    }
  }

  @Test
  @Timeout(60)
  void aTaskWhoseParseOverrunsIsGivenUpAndItsThreadReplaced() throws Exception {
    StuckParse parse = new StuckParse();
    SourceFile stuck = file("stuck.txt");
    try (Workers<String> workers = new Workers<>(1, parse::overruns)) {
      workers.submit(stuck, parse.of(stuck));
      assertTrue(parse.started.await(10, TimeUnit.SECONDS));
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

      parse.release.countDown(); // the stuck parse returns: nothing more is reported
      SourceFile last = file("last.txt");
      workers.submit(last, () -> "indexed");
      Workers.Done<String> third = workers.take();
      assertEquals(last, third.file());
      assertEquals("indexed", third.result().get());
    }
  }

  @Test
  @Timeout(60)
  void aStuckParseIsGivenUpWhileTheOtherWorkersKeepFinishingFiles() throws Exception {
    StuckParse parse = new StuckParse();
    SourceFile stuck = file("stuck.txt");
    try (Workers<String> workers = new Workers<>(2, parse::overruns)) {
      workers.submit(stuck, parse.of(stuck));
      int quick = 400; // 10 ms each on the one free worker: four seconds of files finishing all the while
      for (int i = 0; i < quick; i++) {
        workers.submit(file("q" + i + ".txt"), () -> {
          Thread.sleep(10);
          return "indexed";
        });
      }
      int before = 0;
      while (!workers.take().file().equals(stuck)) {
        before++;
      }
      parse.release.countDown();
      assertTrue(before < quick, "given up only after every other file: " + before);
      for (int i = before; i < quick; i++) {
        assertEquals("indexed", workers.take().result().get());
      }
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
