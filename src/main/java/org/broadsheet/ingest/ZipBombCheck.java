package org.broadsheet.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Measures what a zip-based document (DOCX, ODT) inflates to before any parser inflates
 * it into memory, by streaming every part through a fixed buffer and stopping at the first
 * bound crossed. Declared sizes in a zip can lie, so the inflated bytes are counted.
 */
final class ZipBombCheck {
  /**
   * Inflated bytes allowed per compressed byte. Office XML compresses about 10:1 and images
   * hardly at all; 100:1 is what Apache POI also treats as the edge of a bomb.
   */
  static final int MAX_RATIO = 100;
  /** Slack so that a tiny document with a few well-compressed parts is never refused. */
  static final long SLACK_BYTES = 1L << 20;
  /** Total inflated bytes at most, whatever the ratio: four times the largest file accepted by default. */
  static final long MAX_INFLATED_BYTES = 256L << 20;
  /** Parts at most: a document has tens; a zip of a million empty entries is an attack on the parser's tables. */
  static final int MAX_ENTRIES = 10_000;

  private ZipBombCheck() {
  }

  /** True when the bytes start like a zip archive. */
  static boolean isZip(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  /** Throws when the archive inflates past the bounds; a malformed archive is left for the parser to report. */
  static void check(Path file, byte[] bytes) throws SkippedFileException.Bomb {
    long limit = Math.min(MAX_INFLATED_BYTES, (long) bytes.length * MAX_RATIO + SLACK_BYTES);
    long inflated = 0;
    int entries = 0;
    byte[] buf = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (++entries > MAX_ENTRIES) {
          throw new SkippedFileException.Bomb(file, "more than " + MAX_ENTRIES + " parts in one document");
        }
        for (int n; (n = zip.read(buf)) > 0; ) {
          inflated += n;
          if (inflated > limit) {
            throw new SkippedFileException.Bomb(file, "a " + bytes.length + "-byte document inflates to more than "
                + limit + " bytes");
          }
        }
      }
    } catch (IOException malformed) {
      // Not readable as a zip: the parser will say what is wrong with it.
    }
  }
}
