package org.broadsheet.extract;

import edu.stanford.nlp.util.Index;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The CRF's feature index, read-only, with a faster {@link #indexOf}: an open-addressing table of
 * each feature's 64-bit hash and number, side by side, so that finding a feature reads one cache
 * line. CoreNLP's own index is a {@code HashMap<String, Integer>}: a bucket, a node, the key, its
 * bytes and the boxed number, five reads from all over a map of millions of entries, for each of
 * the hundred-odd features of every token. That was a quarter of the CRF's time, and more when the
 * other core is parsing and indexing.
 *
 * <p>A feature is found by its hash alone. Two features of the model with the same hash are
 * found at table build time ({@link #of} then returns null, and the model's own index is kept);
 * a feature the model does not have is taken for one it has only if their 64-bit hashes are equal.
 * Everything else is the model's index, which this one wraps.
 */
final class FeatureTable implements Index<String> {
  private static final long serialVersionUID = 1L;

  private final Index<String> model;
  /** Pairs of longs: a feature's hash, then its number plus one (0: empty slot). */
  private final long[] slots;
  private final int mask;

  private FeatureTable(Index<String> model, long[] slots, int mask) {
    this.model = model;
    this.slots = slots;
    this.mask = mask;
  }

  /** The table over {@code model}'s features, or null if two of them have the same hash. */
  static FeatureTable of(Index<String> model) {
    int n = model.size();
    int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1; // at least twice n: short probes
    long[] slots = new long[capacity * 2];
    int mask = capacity - 1;
    for (int i = 0; i < n; i++) {
      long h = hash(model.get(i));
      int s = (int) h & mask;
      while (slots[2 * s + 1] != 0) {
        if (slots[2 * s] == h) {
          return null;
        }
        s = (s + 1) & mask;
      }
      slots[2 * s] = h;
      slots[2 * s + 1] = i + 1;
    }
    return new FeatureTable(model, slots, mask);
  }

  /** A 64-bit hash of the characters (wyhash-style multiply and fold per pair of characters). */
  static long hash(String s) {
    long h = 0x9E3779B97F4A7C15L ^ s.length();
    int n = s.length();
    int i = 0;
    for (; i + 1 < n; i += 2) {
      long v = ((long) s.charAt(i) << 16) | s.charAt(i + 1);
      h = mix(h ^ v, 0xBF58476D1CE4E5B9L);
    }
    if (i < n) {
      h = mix(h ^ s.charAt(i), 0x94D049BB133111EBL);
    }
    return mix(h, 0xD6E8FEB86659FD93L);
  }

  private static long mix(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi ^ lo;
  }

  @Override
  public int indexOf(String feature) {
    long h = hash(feature);
    int s = (int) h & mask;
    while (true) {
      long number = slots[2 * s + 1];
      if (number == 0) {
        return -1;
      }
      if (slots[2 * s] == h) {
        return (int) number - 1;
      }
      s = (s + 1) & mask;
    }
  }

  @Override
  public int indexOf(String feature, boolean add) {
    if (add) {
      throw new UnsupportedOperationException("the model's feature index is read-only");
    }
    return indexOf(feature);
  }

  @Override
  public int size() {
    return model.size();
  }

  @Override
  public String get(int i) {
    return model.get(i);
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && indexOf(s) >= 0;
  }

  @Override
  public List<String> objectsList() {
    return model.objectsList();
  }

  @Override
  public Collection<String> objects(int[] indices) {
    return model.objects(indices);
  }

  @Override
  public boolean isLocked() {
    return true;
  }

  @Override
  public void lock() {
  }

  @Override
  public void unlock() {
    throw new UnsupportedOperationException("the model's feature index is read-only");
  }

  @Override
  public void saveToWriter(Writer out) throws IOException {
    model.saveToWriter(out);
  }

  @Override
  public void saveToFilename(String file) {
    model.saveToFilename(file);
  }

  @Override
  public Iterator<String> iterator() {
    return model.iterator();
  }

  @Override
  public int addToIndex(String o) {
    throw new UnsupportedOperationException("the model's feature index is read-only");
  }

  @Override
  public boolean add(String o) {
    throw new UnsupportedOperationException("the model's feature index is read-only");
  }

  @Override
  public boolean addAll(Collection<? extends String> c) {
    throw new UnsupportedOperationException("the model's feature index is read-only");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("the model's feature index is read-only");
  }
}
