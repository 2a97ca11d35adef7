package org.broadsheet.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Finds an article's publication time and says where it came from: the file's metadata, else
 * the dateline position at the top of the text, else a date in the file name. Never a date
 * from the middle of the text, nor the file's modification time (when a copy was made, not
 * when the story ran). A date outside {@link #EARLIEST} to now plus {@link #FUTURE_SLACK} is a
 * placeholder or a corrupt value (year 1, year 292278994), not a publication date: it is
 * passed over for the next source.
 */
public final class PublishedDateFinder {
  /** Earliest publication date believed: older than any newspaper archive is likely to hold in files. */
  static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
  /**
   * How far past now a date may be: a story dated by its own time zone can be up to 14 hours
   * ahead of UTC, and an embargoed one dated for the morning; beyond a day it is wrong.
   */
  static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private final Clock clock;

  /** @param clock the time "now" is read from, for the upper bound of plausible dates */
  public PublishedDateFinder(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param metadata raw metadata values that may hold the publication time, most trusted
   *                 first; read lazily, so later ones are computed only when needed; nulls are skipped
   * @param text     the article text, its headline first
   * @param fileName the file's name
   * @return the publication time and its source, or null when no source gives a plausible one
   */
  public PublishedDate find(Stream<String> metadata, String text, String fileName) {
    for (Iterator<String> it = metadata.iterator(); it.hasNext(); ) {
      Instant t = PublishedDates.parseMetadata(it.next());
      if (plausible(t)) {
        return new PublishedDate(t, DateSource.METADATA);
      }
    }
    LocalDate dateline = Datelines.find(text);
    if (dateline != null && plausible(startOf(dateline))) {
      return new PublishedDate(startOf(dateline), DateSource.DATELINE);
    }
    Instant named = PublishedDates.fromFileName(fileName);
    return plausible(named) ? new PublishedDate(named, DateSource.FILENAME) : null;
  }

  /** True for a time in the window a publication date can be in. */
  public boolean plausible(Instant t) {
    return t != null && !t.isBefore(EARLIEST) && !t.isAfter(clock.instant().plus(FUTURE_SLACK));
  }

  private static Instant startOf(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
