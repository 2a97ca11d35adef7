package org.broadsheet.index;

import java.util.Locale;

/**
 * The key under which spellings of one facet value are merged: case, diacritics, dots and
 * spacing folded, so "Erdoğan", "Erdogan" and "ERDOGAN" are one value, and so are
 * "Kalın" and "Kalin" (dotless ı, which Unicode decomposition alone would keep).
 * Indexing and search both use it, so a selection matches every spelling.
 */
public final class FacetKeys {
  private FacetKeys() {
  }

  public static String key(String value) {
    // The extractor's own key, so facets merge exactly the spellings extraction treats as one.
    return org.broadsheet.extract.CanonicalNames.key(value);
  }

  /**
   * Which of two spellings of one key to show: the one with diacritics (the writer
   * knew the proper name), then the one more articles use, then mixed case over
   * all-caps or all-lower, then the alphabetically first so the choice is stable.
   */
  public static boolean better(String a, long countA, String b, long countB) {
    int byMarks = Integer.compare(nonAscii(a), nonAscii(b));
    if (byMarks != 0) {
      return byMarks > 0;
    }
    if (countA != countB) {
      return countA > countB;
    }
    int byCase = Boolean.compare(mixedCase(a), mixedCase(b));
    if (byCase != 0) {
      return byCase > 0;
    }
    return a.compareTo(b) < 0;
  }

  private static int nonAscii(String s) {
    return (int) s.chars().filter(c -> c >= 0x80).count();
  }

  private static boolean mixedCase(String s) {
    return !s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
  }
}
