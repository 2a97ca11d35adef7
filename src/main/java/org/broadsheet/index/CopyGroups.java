package org.broadsheet.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Puts each article indexed in a run into a group of copies, incrementally: its MinHash bands
 * are looked up as terms ({@link Fields#COPY_BAND}) in the index as it is (a near-real-time
 * reader of the run's own writer) and in a table of the articles this run added since that
 * reader was opened; each candidate is verified ({@link CopyRule}) and the article joins the group
 * of the closest copy, or starts a group of its own. Groups are never merged or rewritten: a
 * group is a label that articles share, and which of them leads it is decided at search time.
 *
 * <p>Thread-safe. The table holds only the articles added since the last reader refresh
 * ({@link #REFRESH_EVERY}), so memory stays flat however large the run.
 */
public final class CopyGroups implements Closeable {
  /** Candidates verified per article at most: the best-matching by shared bands; more would only be more of the same group. */
  private static final int MAX_CANDIDATES = 10;
  /**
   * Articles written between reader refreshes. Each refresh flushes a segment and makes more
   * segments to look bands up in: at 2,000 grouping was a quarter of ingest without extraction on
   * 10,051 Reuters articles, at 10,000 a tenth (3.95 s against 1.61 s, same machine, back to back);
   * the table of articles since the last refresh stays a few tens of megabytes.
   */
  static final int REFRESH_EVERY = 10_000;

  private final IndexWriter writer;
  private final int refreshEvery;
  /** No refresh once this many articles are written: the rest of the run is too short to need one. */
  private final long lastRefreshBefore;
  private long written;
  private int refreshes;
  private DirectoryReader reader;
  /** The articles added since {@link #reader} was opened (they shadow what the reader has of them). */
  private final PendingCopies pending = new PendingCopies();
  private int writtenSinceRefresh;
  /** A refresh is opening a reader (outside the lock): no second one starts meanwhile. */
  private boolean refreshing;
  private boolean closed;

  /**
   * Groups the articles {@code writer} adds, against what it already holds.
   *
   * @param files how many files the run may index at most: no reader is refreshed for its last few
   *              (half of {@link #REFRESH_EVERY}), which the table serves as well, and whose refresh would
   *              write the run's last segments on one thread, the final flush's work done alone
   */
  public CopyGroups(IndexWriter writer, int files) throws IOException {
    this(writer, REFRESH_EVERY, files);
  }

  /** @param refreshEvery {@link #REFRESH_EVERY}, smaller in tests */
  CopyGroups(IndexWriter writer, int refreshEvery, int files) {
    this.writer = writer;
    this.refreshEvery = refreshEvery;
    this.lastRefreshBefore = (long) files - refreshEvery / 2;
  }

  /**
   * The group of the article {@code id} with this text: that of its closest copy already indexed
   * or added in this run, or a new one. Call {@link #written} once the writer has the document.
   */
  public CopyMark assign(String id, String contentHash, String title, String text, long indexedAt)
      throws IOException {
    MinHash signature = MinHash.ofArticle(title, text);
    String[] bands = signature.bands();
    while (true) {
      DirectoryReader r;
      synchronized (this) {
        if (reader == null) {
          reader = DirectoryReader.open(writer); // on the first article: a run that changes nothing opens none
        }
        r = reader;
        r.incRef();
      }
      PendingCopies.Candidate best;
      try {
        best = closestIn(r, id, signature, bands);
      } finally {
        r.decRef();
      }
      synchronized (this) {
        if (reader != r) {
          // A refresh swapped readers meanwhile, and the table let go of articles the one read here
          // may not show: look again (once in REFRESH_EVERY articles at most).
          continue;
        }
        // Articles added since the reader opened, this one's old version included, come from the table.
        best = pending.closest(id, signature, best);
        String group = best == null ? CopyMark.newGroup(id, contentHash) : best.group();
        pending.add(id, group, signature);
        return new CopyMark(group, indexedAt, signature);
      }
    }
  }

  /** The writer has the article's document now: the next reader shows it, and the table can let it go. */
  public void written(String id) throws IOException {
    synchronized (this) {
      if (!pending.written(id)) {
        return;
      }
      written++;
      if (++writtenSinceRefresh < refreshEvery || written > lastRefreshBefore || refreshing || closed) {
        return;
      }
      refreshing = true;
    }
    refresh();
  }

  /**
   * Opens a reader that shows the articles written so far, and lets the table forget them. The
   * reader opens outside the lock: opening it flushes the writer's buffer (a second or two), and
   * the other indexing threads go on assigning groups against the old reader and the table meanwhile.
   */
  private void refresh() throws IOException {
    DirectoryReader old;
    PendingCopies.Written shown;
    synchronized (this) {
      old = reader;
      old.incRef();
      shown = pending.writtenSoFar(); // written before the reader below opens: it shows them
      writtenSinceRefresh = 0;
    }
    DirectoryReader newer = null;
    boolean opened = false;
    try {
      newer = DirectoryReader.openIfChanged(old, writer); // null: the old reader shows them already
      opened = true;
    } finally {
      old.decRef();
      synchronized (this) {
        refreshing = false;
        if (closed) {
          if (newer != null) {
            newer.decRef();
          }
        } else if (opened) {
          refreshes++;
          if (newer != null) {
            reader.decRef();
            reader = newer;
          }
          pending.drop(shown);
        }
      }
    }
  }

  /** Readers refreshed so far (for tests). */
  synchronized int refreshes() {
    return refreshes;
  }

  /** The closest verified copy in the reader, skipping the article itself and articles the table shadows. */
  private PendingCopies.Candidate closestIn(DirectoryReader r, String id, MinHash signature, String[] bands)
      throws IOException {
    if (bands.length == 0 || r.numDocs() == 0) {
      return null;
    }
    StoredFields stored = r.storedFields();
    Set<String> fields = Set.of(Fields.ID, Fields.GROUP, Fields.TITLE, Fields.BODY);
    PendingCopies.Candidate best = null;
    for (int doc : sharingMostBands(r, bands)) {
      Document d = stored.document(doc, new LinkedHashSet<>(fields));
      String other = d.get(Fields.ID);
      String group = d.get(Fields.GROUP);
      if (other == null || group == null || other.equals(id) || shadowed(other)) {
        continue;
      }
      MinHash theirs = MinHash.ofArticle(d.get(Fields.TITLE), d.get(Fields.BODY) == null ? "" : d.get(Fields.BODY));
      if (CopyRule.copies(signature, theirs)) {
        best = PendingCopies.Candidate.closer(best,
            new PendingCopies.Candidate(group, CopyRule.closeness(signature, theirs)));
      }
    }
    return best;
  }

  /**
   * The live documents that share the most of {@code bands}, at most {@link #MAX_CANDIDATES},
   * most shared first (ties: the earlier document). Read straight from each segment's postings:
   * most articles share no band with anything, and a 42-clause query costs far more to set up
   * than the term look-ups themselves (profiled: a tenth of ingest CPU went to the query).
   */
  private static int[] sharingMostBands(DirectoryReader r, String[] bands) throws IOException {
    BytesRef[] terms = new BytesRef[bands.length];
    for (int i = 0; i < bands.length; i++) {
      terms[i] = new BytesRef(bands[i]);
    }
    Arrays.sort(terms); // the terms dictionary is read forwards
    Map<Integer, Integer> shared = new HashMap<>();
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : r.leaves()) {
      Terms field = leaf.reader().terms(Fields.COPY_BAND);
      if (field == null) {
        continue;
      }
      TermsEnum te = field.iterator();
      Bits live = leaf.reader().getLiveDocs();
      for (BytesRef term : terms) {
        if (!te.seekExact(term)) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            shared.merge(leaf.docBase + doc, 1, Integer::sum);
          }
        }
      }
    }
    return shared.entrySet().stream()
        .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_CANDIDATES).mapToInt(Map.Entry::getKey).toArray();
  }

  private synchronized boolean shadowed(String id) {
    return pending.shadows(id);
  }

  @Override
  public synchronized void close() throws IOException {
    if (reader != null && !closed) {
      reader.decRef();
    }
    closed = true;
    pending.clear();
  }
}
