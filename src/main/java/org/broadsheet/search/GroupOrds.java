package org.broadsheet.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.broadsheet.index.Fields;

/**
 * The groups of copies ({@link Fields#GROUP}) of one index reader numbered across its segments,
 * built once per reader: {@link GroupedHits} keys each match's group by this number instead of
 * hashing its id, and turns a number back into the id only for the groups on the page.
 */
final class GroupOrds {
  private final List<LeafReaderContext> leaves;
  /** Null for a reader of one segment (its ordinals are already global). */
  private final OrdinalMap map;
  /**
   * Per segment, its ordinals' numbers: read once per match, so a plain array rather than the
   * map's packed values (12 % of a broad query's CPU); about 4 bytes per group and segment it is in.
   */
  private final int[][] toGlobal;
  private final int count;
  /**
   * Per segment, the documents whose group has no other live document in the reader: most
   * articles. A match among them is a group of its own, which {@link GroupedHits} ranks without
   * looking its group up by number (on a million articles those look-ups, one cache miss after
   * another, were most of a broad search).
   */
  private final FixedBitSet[] alone;

  private GroupOrds(List<LeafReaderContext> leaves, OrdinalMap map, int[][] toGlobal, int count) throws IOException {
    this.leaves = leaves;
    this.map = map;
    this.toGlobal = toGlobal;
    this.count = count;
    this.alone = alone();
  }

  /** Counts each group's live documents, then marks the documents of groups of one. */
  private FixedBitSet[] alone() throws IOException {
    int[] members = new int[count];
    for (LeafReaderContext leaf : leaves) {
      eachGrouped(leaf, (doc, group) -> members[group]++);
    }
    FixedBitSet[] out = new FixedBitSet[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
      eachGrouped(leaf, (doc, group) -> {
        if (members[group] == 1) {
          bits.set(doc);
        }
      });
      out[leaf.ord] = bits;
    }
    return out;
  }

  private interface GroupedDoc {
    void accept(int doc, int group);
  }

  private void eachGrouped(LeafReaderContext leaf, GroupedDoc action) throws IOException {
    SortedDocValues values = DocValues.getSorted(leaf.reader(), Fields.GROUP);
    Bits live = leaf.reader().getLiveDocs();
    int[] global = toGlobal(leaf.ord);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      if (live == null || live.get(doc)) {
        action.accept(doc, global == null ? values.ordValue() : global[values.ordValue()]);
      }
    }
  }

  /** The documents of segment {@code leaf} ({@link LeafReaderContext#ord}) that are the only document of their group. */
  Bits alone(int leaf) {
    return alone[leaf];
  }

  /** The group id of document {@code doc} of the reader, or null when it has none. */
  String idOf(int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = DocValues.getSorted(leaf.reader(), Fields.GROUP);
    return values.advanceExact(doc - leaf.docBase) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
  }

  static GroupOrds of(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    SortedDocValues[] values = new SortedDocValues[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSorted(leaves.get(i).reader(), Fields.GROUP);
    }
    if (values.length <= 1) {
      return new GroupOrds(leaves, null, null, values.length == 0 ? 0 : values[0].getValueCount());
    }
    OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
    int[][] toGlobal = new int[values.length][];
    for (int i = 0; i < values.length; i++) {
      LongValues global = map.getGlobalOrds(i);
      toGlobal[i] = new int[values[i].getValueCount()];
      for (int ord = 0; ord < toGlobal[i].length; ord++) {
        toGlobal[i][ord] = (int) global.get(ord);
      }
    }
    return new GroupOrds(leaves, map, toGlobal, (int) map.getValueCount());
  }

  /** Tables free for the next search ({@link GroupedHits.Table}); a few, as many as searches run at once. */
  private final java.util.concurrent.ConcurrentLinkedQueue<GroupedHits.Table> free =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final int KEPT_TABLES = 4;

  /** An empty table with a slot per group of this reader: one given back by an earlier search, or a new one. */
  GroupedHits.Table table() {
    GroupedHits.Table t = free.poll();
    return t != null ? t : new GroupedHits.Table(count);
  }

  /** Empties a table (null: none) and keeps it for the next search, up to a few. */
  void giveBack(GroupedHits.Table t) {
    if (t != null) {
      t.clear();
      if (free.size() < KEPT_TABLES) {
        free.add(t);
      }
    }
  }

  /** How many distinct groups the reader has. */
  int count() {
    return count;
  }

  /**
   * A segment's ordinal → the group's number, for segment {@code leaf} ({@link LeafReaderContext#ord}),
   * or null when they are the same.
   */
  int[] toGlobal(int leaf) {
    return toGlobal == null ? null : toGlobal[leaf];
  }

  /** The id of group number {@code ord}. */
  String id(int ord) throws IOException {
    int leaf = map == null ? 0 : map.getFirstSegmentNumber(ord);
    long segmentOrd = map == null ? ord : map.getFirstSegmentOrd(ord);
    return DocValues.getSorted(leaves.get(leaf).reader(), Fields.GROUP).lookupOrd((int) segmentOrd).utf8ToString();
  }
}
