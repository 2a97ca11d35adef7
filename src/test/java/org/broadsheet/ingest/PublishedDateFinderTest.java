package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Metadata, then dateline, then file name; each must be plausible, and says where it came from. */
class PublishedDateFinderTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private final PublishedDateFinder finder = new PublishedDateFinder(Clock.fixed(NOW, ZoneOffset.UTC));
  private static final String DATELINE = "Talks resume\n\nLONDON, 12 May 2024 - Negotiators met.";
  private static final String NO_DATELINE = "Talks resume\n\nNegotiators met on 3 March 2021, officials said.";

  @Test
  void metadataFirstThenDatelineThenFileName() {
    assertEquals(new PublishedDate(Instant.parse("2023-07-01T09:30:00Z"), DateSource.METADATA),
        finder.find(Stream.of(null, "2023-07-01T09:30:00Z"), DATELINE, "2022-01-02-talks.txt"));
    assertEquals(new PublishedDate(Instant.parse("2024-05-12T00:00:00Z"), DateSource.DATELINE),
        finder.find(Stream.of("not a date"), DATELINE, "2022-01-02-talks.txt"));
    assertEquals(new PublishedDate(Instant.parse("2022-01-02T00:00:00Z"), DateSource.FILENAME),
        finder.find(Stream.empty(), NO_DATELINE, "2022-01-02-talks.txt"));
    assertNull(finder.find(Stream.empty(), NO_DATELINE, "talks.txt"), "a date in the body is not a published date");
  }

  @Test
  void implausibleDatesFallThroughToTheNextSource() {
    assertEquals(DateSource.DATELINE,
        finder.find(Stream.of("+292278994-08-17T07:12:55Z"), DATELINE, "talks.txt").from());
    assertEquals(DateSource.FILENAME,
        finder.find(Stream.of("0001-01-01T00:00:00Z"), "Old\nROME, 15 March 1044 - Caesar.", "2021-07-10-x.txt").from());
    assertNull(finder.find(Stream.of("2999-05-12"), "Time travel\n\nLONDON, 12 May 2999 - From the future.", "x.txt"));
  }

  @Test
  void theWindowIs1800ToADayFromNow() {
    assertTrue(finder.plausible(Instant.parse("1800-01-01T00:00:00Z")));
    assertFalse(finder.plausible(Instant.parse("1799-12-31T23:59:59Z")));
    assertTrue(finder.plausible(NOW.plusSeconds(23 * 3600)), "a time zone ahead of UTC");
    assertFalse(finder.plausible(NOW.plusSeconds(25 * 3600)));
    assertFalse(finder.plausible(null));
  }

  @Test
  void laterMetadataValuesAreNotComputedOnceOneIsFound() {
    Stream<String> values = Stream.of("2023-07-01", "later").map(v -> {
      if (v.equals("later")) {
        throw new AssertionError("computed a value after the first plausible one");
      }
      return v;
    });
    assertEquals(DateSource.METADATA, finder.find(values, NO_DATELINE, "x.txt").from());
  }
}
