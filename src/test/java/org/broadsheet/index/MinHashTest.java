package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The signature reads words in lower case, whatever their script, and each distinct shingle once. */
class MinHashTest {
  private static final String TEXT = "Halvorsen Steel said on Monday that ERDOĞAN's visit to Straße 15 in 1987 "
      + "was delayed; ΟΔΟΣ Σ AND The Quick BROWN fox JUMPS over the lazy dog, café CAFÉ Ñandú.";

  @Test
  void caseDoesNotChangeTheSignature() {
    MinHash written = MinHash.of(TEXT);
    MinHash lower = MinHash.of(TEXT.toLowerCase(Locale.ROOT));
    assertEquals(1.0, written.jaccard(lower));
    assertEquals(written.shingles(), lower.shingles());
    assertArrayEquals(written.bands(), lower.bands());
    assertTrue(written.jaccard(MinHash.of(TEXT.replace("JUMPS", "leaps"))) < 1.0, "a changed word changes it");
  }

  @Test
  void repeatedShinglesCountOnce() {
    MinHash once = MinHash.of("oil prices rose sharply");
    MinHash twice = MinHash.of("oil prices rose sharply oil prices rose sharply");
    assertEquals(2, once.shingles());
    // the second run adds "rose sharply oil", "sharply oil prices" and repeats the first two
    assertEquals(4, twice.shingles());
  }

  @Test
  void theHeadlineAtTheStartIsLeftOut() {
    String body = "Oil prices rose sharply on Monday as supplies fell.";
    assertArrayEquals(MinHash.of(body).bands(), MinHash.ofArticle("Oil up", "Oil up " + body).bands());
  }
}
