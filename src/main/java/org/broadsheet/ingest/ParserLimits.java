package org.broadsheet.ingest;

import java.time.Duration;

/**
 * Deliberate bounds on what one file may cost. Defaults: a news article is rarely over
 * a few hundred kilobytes of text, so 64 MB on disk (room for PDFs with images) and
 * 2 million characters of text (about 300,000 words, a long book) are generous for
 * articles yet stop a gigabyte log file or a decompression bomb; 60 seconds is far more
 * than any real article takes to parse, and bounds a pathological file.
 */
public record ParserLimits(long maxFileBytes, int maxTextChars, Duration timeout) {
  public static final ParserLimits DEFAULT =
      new ParserLimits(64L * 1024 * 1024, 2_000_000, Duration.ofSeconds(60));
}
