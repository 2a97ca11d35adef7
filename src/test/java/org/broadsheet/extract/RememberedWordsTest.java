package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import edu.stanford.nlp.process.AmericanizeFunction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RememberedWordsTest {
  @Test
  void answersAsCoreNlpsWordFunctionDoes() {
    Function<String, String> americanize = new AmericanizeFunction();
    Function<String, String> remembered = RememberedWords.of(americanize);
    for (int round = 0; round < 2; round++) { // worked out, then remembered
      for (String w : List.of("colour", "Colour", "honours", "organisation", "centre", "theatre", "Paris", "the",
          "labour", "Labour", "1987", "-", "")) {
        assertEquals(americanize.apply(w), remembered.apply(w), w);
      }
    }
    assertSame(remembered, RememberedWords.of(remembered));
    assertEquals(null, RememberedWords.of(null));
  }

  @Test
  void eachWordIsWorkedOutOnceUntilTheMemoryIsFull() {
    AtomicInteger calls = new AtomicInteger();
    Function<String, String> remembered = RememberedWords.of(w -> {
      calls.incrementAndGet();
      return w.toUpperCase();
    });
    for (int i = 0; i < 3; i++) {
      assertEquals("REUTER", remembered.apply("reuter"));
    }
    assertEquals(1, calls.get());
    for (int i = 0; i < RememberedWords.MAX_WORDS + 10; i++) {
      assertEquals("W" + i, remembered.apply("w" + i));
    }
    calls.set(0);
    assertEquals("W" + (RememberedWords.MAX_WORDS + 5), remembered.apply("w" + (RememberedWords.MAX_WORDS + 5)));
    assertEquals(1, calls.get(), "past the limit, words are worked out each time");
  }
}
