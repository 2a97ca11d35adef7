package org.broadsheet.index;

import java.util.Arrays;
import java.util.Locale;

/**
 * A MinHash signature of an article's text (Broder 1997): the text's set of word shingles (runs
 * of {@link #SHINGLE_WORDS} words, case folded, punctuation dropped) reduced to {@link #HASHES}
 * minimum hash values, such that two signatures agree in a position with probability equal to
 * the Jaccard similarity of the two shingle sets. Locality-sensitive hashing cuts the signature
 * into {@link #BANDS} bands of {@link #ROWS} values: two articles become candidates when any
 * band is equal, which happens with probability 1 - (1 - J^ROWS)^BANDS (0.68 at J = 0.3,
 * 0.94 at 0.4, 0.996 at 0.5), so near-copies are found by term lookups alone and unrelated
 * articles (J near 0) almost never are. docs/duplicates.md has the measurements behind these.
 *
 * <p>Deterministic: the same text gives the same signature in every run and on every machine, so
 * it can be recomputed from a stored body instead of being stored.
 */
public final class MinHash {
  /** Words per shingle: three words keep a changed word's damage to three shingles while common two-word phrases do not make unrelated articles alike. */
  public static final int SHINGLE_WORDS = 3;
  /** Rows per band: see the class comment for the candidate probabilities this gives. */
  public static final int ROWS = 3;
  /** Bands, each one indexed term per article. */
  public static final int BANDS = 42;
  /** Signature length. The estimate's standard error is sqrt(J(1-J)/HASHES): 0.045 at J = 0.5. */
  public static final int HASHES = ROWS * BANDS;
  /** Longest text read, in characters: a copy is recognisable long before, and the cost stays bounded. */
  static final int MAX_CHARS = 200_000;

  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x632BE59BD9B4E019L);
      SEEDS[i] = s;
    }
  }

  /** Key words kept at most: the first ones of the text, enough to tell two notices apart. */
  static final int MAX_KEYS = 64;

  private final int[] mins;
  private final int shingles;
  /** Hashes of the text's key words (numbers and capitalised words), sorted, distinct. */
  private final long[] keys;

  /** Hashes of the headline's words, lower case, sorted, distinct; empty when the headline is not known. */
  private final long[] titleWords;

  private MinHash(int[] mins, int shingles, long[] keys, long[] titleWords) {
    this.mins = mins;
    this.shingles = shingles;
    this.keys = keys;
    this.titleWords = titleWords;
  }

  /**
   * The signature of an article: its text without the headline it starts with, so that a copy under
   * another headline (a correction, an "UPDATE 1-") is the same text, short items included. Both
   * are stored, so the signature is recomputed from a stored document alike.
   */
  public static MinHash ofArticle(String title, String text) {
    String t = title == null ? "" : title.strip();
    String body = text == null ? "" : text.strip();
    MinHash m = of(body, !t.isEmpty() && body.startsWith(t) ? t.length() : 0);
    java.util.TreeSet<Long> words = new java.util.TreeSet<>();
    java.util.regex.Matcher w = WORD.matcher(t.length() > 1_000 ? t.substring(0, 1_000) : t);
    while (w.find()) {
      words.add(wordHash(t, w.start(), w.end())); // the matcher reads t or its start: the same indices
    }
    return new MinHash(m.mins, m.shingles, m.keys, words.stream().mapToLong(Long::longValue).toArray());
  }

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]{1,100}");

  /** The signature of {@code text}; a text of fewer than {@link #SHINGLE_WORDS} words has no shingles. */
  public static MinHash of(String text) {
    return of(text, 0);
  }

  /** The signature of {@code text} from {@code from} on. */
  private static MinHash of(String text, int from) {
    long[] window = new long[SHINGLE_WORDS];
    int words = 0;
    long[] shingles = new long[256];
    int count = 0;
    long[] keys = new long[MAX_KEYS];
    int keyCount = 0;
    int n = from + Math.min(text.length() - from, MAX_CHARS);
    int i = from;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      long hash = wordHash(text, start, i);
      window[words % SHINGLE_WORDS] = hash;
      words++;
      if (keyCount < MAX_KEYS && isKey(text.charAt(start)) && !contains(keys, keyCount, hash)) {
        keys[keyCount++] = hash; // by the lower-case word: "ACME" in a headline-cased copy is "Acme"
      }
      if (words >= SHINGLE_WORDS) {
        long h = 0;
        for (int k = 0; k < SHINGLE_WORDS; k++) {
          h = mix(h * 31 + window[(words + k) % SHINGLE_WORDS]);
        }
        if (count == shingles.length) {
          shingles = Arrays.copyOf(shingles, count * 2);
        }
        shingles[count++] = h;
      }
    }
    int[] mins = new int[HASHES];
    Arrays.fill(mins, Integer.MAX_VALUE);
    int distinct = 0;
    Distinct seen = new Distinct(count);
    for (int s = 0; s < count; s++) {
      long h = shingles[s];
      if (!seen.add(h)) {
        continue; // each distinct shingle once
      }
      distinct++;
      for (int k = 0; k < HASHES; k++) {
        // Non-negative 31 bits; min without a branch, which the JIT vectorises (twice as fast).
        mins[k] = Math.min(mins[k], (int) (mix(h ^ SEEDS[k]) >>> 33));
      }
    }
    long[] sortedKeys = Arrays.copyOf(keys, keyCount);
    Arrays.sort(sortedKeys);
    return new MinHash(mins, distinct, sortedKeys, new long[0]);
  }

  private static boolean contains(long[] values, int count, long value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /**
   * A set of shingle hashes, open addressing: the shingles are already mixed, so their low bits are a
   * slot. Cheaper than sorting them to find repeats (which was a fifth of the signature's time).
   */
  private static final class Distinct {
    private final long[] slots;
    private final boolean[] used;
    private final int mask;

    Distinct(int expected) {
      int size = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
      slots = new long[size];
      used = new boolean[size];
      mask = size - 1;
    }

    /** Adds {@code h}; false when it was there already. */
    boolean add(long h) {
      int slot = (int) h & mask;
      while (used[slot]) {
        if (slots[slot] == h) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      used[slot] = true;
      slots[slot] = h;
      return true;
    }
  }

  /** A word starting with {@code c} is a number ("15", "1987") or capitalised ("Kelley", "April"): what templated notices differ in. */
  private static boolean isKey(char c) {
    return Character.isDigit(c) || Character.isUpperCase(c);
  }

  /**
   * The share of the smaller set of key words (numbers and capitalised words) that the other text has
   * too; 1 when either has fewer than {@code min} of them (no evidence either way). Copies of one story
   * keep their names and figures; two dividend notices of one template differ in the company and the
   * amounts although most of their three-word runs are alike.
   */
  public double keyContainment(MinHash other, int min) {
    if (keys.length < min || other.keys.length < min) {
      return 1;
    }
    return containment(keys, other.keys);
  }

  /**
   * The share of the shorter headline's words that the other headline has too ("UPDATE 1-" and
   * "Corrected:" only add words); 1 when either headline is not known. What tells two short notices
   * of one template apart, whose bodies ("Qtly div 10 cts vs 10 cts prior") can be word for word alike.
   */
  public double titleContainment(MinHash other) {
    if (titleWords.length == 0 || other.titleWords.length == 0) {
      return 1;
    }
    return containment(titleWords, other.titleWords);
  }

  /** |a ∩ b| / min(|a|, |b|) of two sorted, distinct arrays. */
  private static double containment(long[] a, long[] b) {
    int same = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      int c = Long.compare(a[i], b[j]);
      if (c == 0) {
        same++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return same / (double) Math.min(a.length, b.length);
  }

  /** How many distinct shingles the text has. */
  public int shingles() {
    return shingles;
  }

  /** The estimated Jaccard similarity of the two texts' shingle sets: the share of equal positions. */
  public double jaccard(MinHash other) {
    if (shingles == 0 || other.shingles == 0) {
      return 0;
    }
    int same = 0;
    for (int k = 0; k < HASHES; k++) {
      if (mins[k] == other.mins[k]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /**
   * The estimated share of the smaller text's shingles that the other one has too, from the
   * Jaccard estimate and the two set sizes: a story that only grew (a re-top, an added paragraph)
   * contains its earlier version although their Jaccard similarity falls as it grows.
   */
  public double containment(MinHash other) {
    double j = jaccard(other);
    int small = Math.min(shingles, other.shingles);
    if (small == 0) {
      return 0;
    }
    double intersection = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, intersection / small);
  }

  /** The band keys, one term per band ("band index" + hash of its rows); none for a text without shingles. */
  public String[] bands() {
    String[] b = bands;
    if (b == null) {
      b = computeBands();
      bands = b; // racy but idempotent: every thread computes the same keys
    }
    return b.clone();
  }

  /** The band keys, computed once: grouping looks for them and the document indexes them. */
  private volatile String[] bands;

  private String[] computeBands() {
    if (shingles == 0) {
      return new String[0];
    }
    String[] keys = new String[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h * 0x100000001B3L + mins[b * ROWS + r]);
      }
      keys[b] = bandKey(b, (int) h);
    }
    return keys;
  }

  /** {@code "%02d%08x"} of the band and its hash, without the formatter (it was 1 % of ingest). */
  static String bandKey(int band, int hash) {
    String hex = Integer.toHexString(hash);
    StringBuilder key = new StringBuilder(10);
    if (band < 10) {
      key.append('0');
    }
    key.append(band);
    key.repeat('0', 8 - hex.length());
    return key.append(hex).toString();
  }

  /**
   * {@link #wordHash(String)} of {@code text[start, end)} in lower case: read in place when it is
   * ASCII (where lower case is one character for one), else through {@code toLowerCase}.
   */
  private static long wordHash(String text, int start, int end) {
    long h = 0xCBF29CE484222325L;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return wordHash(text.substring(start, end).toLowerCase(Locale.ROOT));
      }
      h = (h ^ (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)) * 0x100000001B3L;
    }
    return mix(h);
  }

  private static long wordHash(String word) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
