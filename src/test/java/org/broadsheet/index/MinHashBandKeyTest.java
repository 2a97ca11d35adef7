package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Band keys are written as they always were ("%02d%08x"), so the copies indexed before still find their own. */
class MinHashBandKeyTest {
  @Test
  void keysAreTheFormattersKeys() {
    Random r = new Random(3);
    for (int band = 0; band < MinHash.BANDS; band++) {
      for (int hash : new int[] {0, 1, -1, 0xF, 0x10000000, Integer.MIN_VALUE, Integer.MAX_VALUE, r.nextInt(), r.nextInt()}) {
        assertEquals(String.format(Locale.ROOT, "%02d%08x", band, hash), MinHash.bandKey(band, hash));
      }
    }
  }
}
