package org.broadsheet.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
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

  private GroupOrds(List<LeafReaderContext> leaves, OrdinalMap map, int[][] toGlobal, int count) {
    this.leaves = leaves;
    this.map = map;
    this.toGlobal = toGlobal;
    this.count = count;
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
