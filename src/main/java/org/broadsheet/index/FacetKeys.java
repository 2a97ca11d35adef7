package org.broadsheet.index;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The key under which spellings of one facet value are merged: case, diacritics and
 * spacing folded, so "Erdoğan", "Erdogan" and "ERDOGAN" are one value, and so are
 * "Kalın" and "Kalin" (dotless ı, which Unicode decomposition alone would keep).
 * Indexing and search both use it, so a selection matches every spelling.
 */
public final class FacetKeys {
  private FacetKeys() {
  }

  public static String key(String value) {
    String v = value.strip().replaceAll("\\s+", " ");
    char[] in = v.toCharArray();
    char[] out = new char[4 * in.length];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, n).toLowerCase(Locale.ROOT);
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
