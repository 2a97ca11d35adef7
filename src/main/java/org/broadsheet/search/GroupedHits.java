package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;
import org.broadsheet.index.Fields;

/**
 * Collects every match once, for the page of hits and the groups of copies at the same time: how
 * many matching articles each group has, its best-ranked match (where the group ranks) and its
 * earliest-published match (then the first indexed, then by order key: the copy shown for the
 * group). With {@code collapse} the page is the best groups, each shown by that copy; without, it
 * is the best articles. Either way each hit knows how many other matches its group has, and the
 * page starts after the request's cursor if it has one. A match that is the only article of its
 * group (most of them: {@link GroupOrds#alone}) is ranked as an article and needs no group entry;
 * the other groups have one each in a {@link Table} reused from search to search, keyed by
 * their number across the reader's segments ({@link GroupOrds}). Never the match list; only the
 * page's groups are looked up by id.
 */
final class GroupedHits implements CollectorManager<GroupedHits.LeafGroups, GroupedHits.Result> {
  /**
   * One hit of the page: a Lucene doc id in the searcher's reader, its score, its sort key and its
   * group. A group is shown by one copy ({@code doc}, {@code score}) and placed by its best match
   * ({@code rank}, {@code placeScore}, {@code orderKey}): the next page starts after the latter.
   */
  record Hit(int doc, float score, long rank, float placeScore, long orderKey, String group, long copies) {
    /** A hit placed by itself. */
    Hit(int doc, float score, long rank, long orderKey, String group, long copies) {
      this(doc, score, rank, score, orderKey, group, copies);
    }

    Cursor cursor() {
      return new Cursor(rank, placeScore, orderKey);
    }
  }

  /** The page, the number of articles and of groups that matched. */
  record Result(List<Hit> page, long total, long groups) {
  }

  private final SearchRequest.Sort sort;
  private final boolean collapse;
  private final Cursor after;
  /** Hits wanted: the page and those before it. */
  private final int wanted;
  private final GroupOrds ords;

  GroupedHits(SearchRequest r, GroupOrds ords) {
    this.ords = ords;
    this.sort = r.sort();
    this.collapse = r.collapse() && r.group() == null;
    this.after = r.cursor();
    this.wanted = after != null ? r.size() : r.page() * r.size();
  }

  /** Skips the pages before the request's: the hits it shows. */
  static List<Hit> page(Result result, SearchRequest r) {
    if (r.after() != null) {
      return result.page();
    }
    int from = Math.min(result.page().size(), (r.page() - 1) * r.size());
    return result.page().subList(from, Math.min(result.page().size(), from + r.size()));
  }

  /** One match's place in the order: rank, score, order key, doc. */
  private static class Key {
    long rank;
    float score;
    long orderKey;
    int doc;

    void set(long rank, float score, long orderKey, int doc) {
      this.rank = rank;
      this.score = score;
      this.orderKey = orderKey;
      this.doc = doc;
    }

    boolean better(long r, float s, long k) {
      return Cursor.compare(r, s, k, rank, score, orderKey) < 0;
    }
  }

  /** A group's matches so far. */
  static final class Group extends Key {
    /** The group's number in {@link GroupOrds}. */
    int ord;
    long count;
    /** The best-ranked match: the group itself, so that a group of one match is one object. */
    final Key best = this;
    /** The copy shown: earliest published (undated last), then first indexed, then order key. */
    long repPublished;
    long repIndexed;
    /** The copy shown's key: the same object as {@link #best} until a second match may set them apart. */
    Key rep = this;

    Group(int ord) {
      this.ord = ord;
    }

    /** The group for another number, as if new: a {@link Table} reuses its groups from search to search. */
    void reset(int ord) {
      this.ord = ord;
      count = 0;
      rep = this;
    }

    void add(long rank, float score, long orderKey, int doc, long published, long indexed) {
      if (count == 0) {
        set(rank, score, orderKey, doc); // best and rep alike
        repPublished = published;
        repIndexed = indexed;
        count = 1;
        return;
      }
      detachRep();
      if (best.better(rank, score, orderKey)) {
        best.set(rank, score, orderKey, doc);
      }
      if (earlier(published, indexed, orderKey)) {
        repPublished = published;
        repIndexed = indexed;
        rep.set(rank, score, orderKey, doc);
      }
      count++;
    }

    /** True when a copy published and indexed at these times would be shown before the current one. */
    boolean earlier(long published, long indexed, long orderKey) {
      if (published != repPublished) {
        return published < repPublished;
      }
      return indexed != repIndexed ? indexed < repIndexed : orderKey < rep.orderKey;
    }

    /** Gives the copy shown a key of its own, before the best or the copy shown may change. */
    private void detachRep() {
      if (rep == this) {
        Key k = new Key();
        k.set(this.rank, this.score, this.orderKey, this.doc);
        rep = k;
      }
    }

    void merge(Group o) {
      if (o.count == 0) {
        return;
      }
      detachRep();
      long before = count;
      if (before == 0 || best.better(o.best.rank, o.best.score, o.best.orderKey)) {
        best.set(o.best.rank, o.best.score, o.best.orderKey, o.best.doc);
      }
      if (before == 0 || earlier(o.repPublished, o.repIndexed, o.rep.orderKey)) {
        repPublished = o.repPublished;
        repIndexed = o.repIndexed;
        rep.set(o.rep.rank, o.rep.score, o.rep.orderKey, o.rep.doc);
      }
      count = before + o.count;
    }
  }

  /**
   * The groups one collector has matched, by number, and the same groups in the order first
   * matched. A table has a slot per group of the reader and keeps its groups: it is taken from
   * and given back to {@link GroupOrds}, so that a broad search allocates neither (on a million
   * articles a new table, its list and its groups per search cost more than the matching).
   */
  static final class Table {
    private final Group[] byOrd;
    private Group[] created = new Group[64];
    private int size;

    Table(int groups) {
      byOrd = new Group[groups];
    }

    /** Group number {@code ord}, made (with no matches yet) the first time it is asked for. */
    Group group(int ord) {
      Group g = byOrd[ord];
      if (g == null) {
        if (size == created.length) {
          created = java.util.Arrays.copyOf(created, size * 2);
        }
        g = created[size];
        if (g == null) {
          g = new Group(ord);
          created[size] = g;
        } else {
          g.reset(ord);
        }
        size++;
        byOrd[ord] = g;
      }
      return g;
    }

    int size() {
      return size;
    }

    /** The {@code i}th group first matched. */
    Group get(int i) {
      return created[i];
    }

    /** Empties the table for the next search; up to {@link #KEPT_GROUPS} of its groups are kept to be reused. */
    void clear() {
      for (int i = 0; i < size; i++) {
        byOrd[created[i].ord] = null;
        if (i >= KEPT_GROUPS) {
          created[i] = null; // a broad search's many groups are not held between searches
        }
      }
      size = 0;
    }

    /** Groups a table keeps between searches: about 1 MB. */
    private static final int KEPT_GROUPS = 16_384;
  }

  /** Marks a match that is its group's only article: ranked with the page's articles, its group id read at the end. */
  private static final Group ALONE = new Group(-1);

  /** Best first, as the request sorts. */
  private static final Comparator<Key> ORDER =
      (a, b) -> Cursor.compare(a.rank, a.score, a.orderKey, b.rank, b.score, b.orderKey);

  @Override
  public LeafGroups newCollector() {
    return new LeafGroups();
  }

  @Override
  public Result reduce(Collection<LeafGroups> collectors) throws IOException {
    Table groups = null;
    Table merged = null;
    long total = 0;
    long standalone = 0; // groups of one, and articles without a group
    List<Object[]> docs = new ArrayList<>(); // [Key, Group or null] when not collapsing
    try {
      if (collectors.size() == 1) {
        groups = collectors.iterator().next().table;
      } else {
        for (LeafGroups c : collectors) {
          for (int i = 0; c.table != null && i < c.table.size(); i++) {
            Group g = c.table.get(i);
            if (merged == null) {
              merged = ords.table();
            }
            merged.group(g.ord).merge(g);
          }
        }
        groups = merged;
      }
      for (LeafGroups c : collectors) {
        total += c.total;
        standalone += c.ungrouped + c.alones;
        for (Object[] d : c.top) {
          docs.add(d);
        }
      }
      List<Hit> page = collapse ? collapsed(groups, docs) : articles(docs, merged);
      return new Result(page, total, (groups == null ? 0 : groups.size()) + standalone);
    } finally {
      for (LeafGroups c : collectors) {
        ords.giveBack(c.table);
      }
      ords.giveBack(merged);
    }
  }

  /**
   * The best groups, each shown by its first copy, placed (and paged past) by its best match;
   * among them the groups of one and the articles without a group (an index of an older schema).
   */
  private List<Hit> collapsed(Table groups, List<Object[]> standaloneDocs) throws IOException {
    PriorityQueue<Group> top = new PriorityQueue<>((a, b) -> ORDER.compare(b.best, a.best));
    for (int i = 0; groups != null && i < groups.size(); i++) {
      Group g = groups.get(i);
      if (after != null && !after.before(g.best.rank, g.best.score, g.best.orderKey)) {
        continue;
      }
      if (top.size() >= wanted) {
        if (ORDER.compare(g.best, top.peek().best) >= 0) {
          continue; // no better than the worst kept: most groups of a broad query stop here
        }
        top.poll();
      }
      top.add(g);
    }
    // Each entry is placed by its best match: a group, or the [Key, ALONE or null] of an article on its own.
    List<Placed> entries = new ArrayList<>(top.size() + standaloneDocs.size());
    top.forEach(g -> entries.add(new Placed(g.best, g)));
    standaloneDocs.forEach(d -> entries.add(new Placed((Key) d[0], d)));
    entries.sort((a, b) -> ORDER.compare(a.place(), b.place()));
    List<Hit> page = new ArrayList<>();
    for (Placed e : entries.subList(0, Math.min(wanted, entries.size()))) {
      if (e.shown() instanceof Group g) {
        // Shown by its first copy, placed (and paged past) by its best match.
        page.add(new Hit(g.rep.doc, g.rep.score, g.best.rank, g.best.score, g.best.orderKey, ords.id(g.ord),
            g.count - 1));
      } else {
        Object[] d = (Object[]) e.shown();
        Key k = (Key) d[0];
        page.add(new Hit(k.doc, k.score, k.rank, k.orderKey, d[1] == ALONE ? ords.idOf(k.doc) : null, 0));
      }
    }
    return page;
  }

  /** A group or an article on its own, and the match it is placed by. */
  private record Placed(Key place, Object shown) {
  }

  /** The best articles, each with its group's number of other matches. */
  private List<Hit> articles(List<Object[]> docs, Table merged) throws IOException {
    List<Hit> page = new ArrayList<>();
    docs.sort((a, b) -> ORDER.compare((Key) a[0], (Key) b[0]));
    for (Object[] d : docs.subList(0, Math.min(wanted, docs.size()))) {
      Key k = (Key) d[0];
      Group g = (Group) d[1];
      if (g == ALONE) {
        page.add(new Hit(k.doc, k.score, k.rank, k.orderKey, ords.idOf(k.doc), 0));
        continue;
      }
      if (g != null && merged != null) {
        g = merged.group(g.ord); // the group merged across collectors
      }
      page.add(new Hit(k.doc, k.score, k.rank, k.orderKey, g == null ? null : ords.id(g.ord),
          g == null ? 0 : g.count - 1));
    }
    return page;
  }

  /** Collects the matches of one slice of the index. */
  final class LeafGroups implements Collector {
    /** The groups matched; taken on the first segment with groups, given back by {@link #reduce}. */
    Table table;
    /** The best {@code wanted} articles, worst first, as [Key, Group or null]: every article when not collapsing, else the ungrouped. */
    final PriorityQueue<Object[]> top = new PriorityQueue<>((a, b) -> ORDER.compare((Key) b[0], (Key) a[0]));
    long total;
    long ungrouped;
    /** Matches that are the only article of their group ({@link GroupOrds#alone}): not in the table. */
    long alones;

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      var reader = context.reader();
      NumericDocValues published = DocValues.getNumeric(reader, Fields.PUBLISHED);
      NumericDocValues indexed = DocValues.getNumeric(reader, Fields.INDEXED);
      NumericDocValues orderKeys = DocValues.getNumeric(reader, Fields.ORDER_KEY);
      SortedDocValues groupIds = DocValues.getSorted(reader, Fields.GROUP);
      int[] toGlobal = ords.toGlobal(context.ord);
      Bits alone = ords.alone(context.ord);
      if (table == null && groupIds.getValueCount() > 0) {
        table = ords.table();
      }
      int base = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable s) {
          this.scorer = s;
        }

        @Override
        public void collect(int doc) throws IOException {
          total++;
          float score = scorer.score();
          boolean single = alone.get(doc);
          // A group of one needs its date only to be sorted by it.
          long pub = single && sort == SearchRequest.Sort.RELEVANCE ? Long.MAX_VALUE
              : published.advanceExact(doc) ? published.longValue() : Long.MAX_VALUE;
          long rank = switch (sort) {
            case RELEVANCE -> 0;
            case NEWEST -> pub == Long.MAX_VALUE ? Long.MAX_VALUE : -pub;
            case OLDEST -> pub;
          };
          if (single) {
            alones++;
            // Most matches rank below a full page on rank and score alone: their order key is not read.
            if (!outranked(rank, score)) {
              offer(rank, score, orderKey(doc), doc + base, ALONE);
            }
            return;
          }
          long orderKey = orderKey(doc);
          long when = indexed.advanceExact(doc) ? indexed.longValue() : Long.MAX_VALUE;
          Group g = null;
          if (groupIds.advanceExact(doc)) {
            int ord = toGlobal == null ? groupIds.ordValue() : toGlobal[groupIds.ordValue()];
            g = table.group(ord);
            g.add(rank, score, orderKey, doc + base, pub, when);
          } else {
            ungrouped++;
          }
          if (!collapse || g == null) {
            offer(rank, score, orderKey, doc + base, g);
          }
        }

        private long orderKey(int doc) throws IOException {
          return orderKeys.advanceExact(doc) ? orderKeys.longValue() : doc + base;
        }
      };
    }

    /** True when the page is full and its worst article ranks above {@code rank, score} whatever the order keys. */
    private boolean outranked(long rank, float score) {
      if (top.size() < wanted) {
        return false;
      }
      Key worst = (Key) top.peek()[0];
      return Cursor.compare(rank, score, 0, worst.rank, worst.score, 0) > 0; // order keys set equal: not compared
    }

    private void offer(long rank, float score, long orderKey, int doc, Group group) {
      if (after != null && !after.before(rank, score, orderKey)) {
        return;
      }
      if (top.size() >= wanted) {
        Key worst = (Key) top.peek()[0];
        if (!worst.better(rank, score, orderKey)) {
          return;
        }
        top.poll();
      }
      Key k = new Key();
      k.set(rank, score, orderKey, doc);
      top.add(new Object[] {k, group});
    }
  }
}
