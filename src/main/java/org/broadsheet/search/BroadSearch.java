package org.broadsheet.search;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.index.Fields;

/**
 * A search that matches more articles than {@link SearchSettings#exactCountsUpTo()}: its counts come
 * from a sample, its page does not. Counting every match in every facet is linear in the archive,
 * so on a large archive a frequent word costs a second; a sample of one article in {@code n}
 * ({@link SampledDocs}) keeps the counted matches near half that limit whatever the archive's size.
 *
 * <ol>
 *   <li>{@link #sampleRate}: the query's matches counted on a coarse sample; one in {@code n} is
 *       chosen so that about half the limit are counted;</li>
 *   <li>the page: the best matches found with Lucene's skipping (top scores, or the newest or
 *       oldest by the published time's points) without visiting the others; then every match of
 *       the page's groups of copies, so that each group is shown by its first copy with its count
 *       of copies, exactly as a full pass would ({@link #exactPage}).</li>
 * </ol>
 * Totals and facet counts are the sample's times {@code n}, marked as estimates.
 */
final class BroadSearch {
  /** The coarse sample that estimates how many articles a query matches. */
  static final int ESTIMATE_ONE_IN = 64;
  /** Most hits (page and those before it) answered by skipping; a deeper page is a full pass. */
  static final int MAX_WANTED = 1_000;
  /** Most best matches read to find the page's groups. */
  private static final int MAX_READ = 8_192;

  private BroadSearch() {
  }

  /**
   * One in how many matches to count: 1 (every match, exactly) unless the request may be sampled
   * and its base query (before the facet selections, which drill sideways counts past) matches
   * more than {@code exactUpTo} articles by the coarse estimate.
   */
  static int sampleRate(IndexSearcher searcher, Query base, SearchRequest r, GroupOrds ords, long exactUpTo)
      throws IOException {
    if (r.exact() || r.after() != null || r.group() != null || ords == null
        || (long) r.page() * r.size() > MAX_WANTED || searcher.getIndexReader().maxDoc() <= exactUpTo) {
      return 1;
    }
    long estimate = (long) searcher.count(SampledDocs.of(base, ESTIMATE_ONE_IN)) * ESTIMATE_ONE_IN;
    if (estimate <= exactUpTo) {
      return 1;
    }
    int oneIn = 2;
    while ((double) estimate / oneIn > exactUpTo / 2.0) {
      oneIn *= 2;
    }
    return oneIn;
  }

  /**
   * The page a full pass over every match would give, or null when it cannot be found by skipping
   * (an article without a group, from an older index; a page whose groups are not among the
   * {@link #MAX_READ} best matches).
   */
  static GroupedHits.Result exactPage(IndexSearcher searcher, Query query, SearchRequest r, GroupOrds ords)
      throws IOException {
    int wanted = r.page() * r.size();
    boolean collapse = r.collapse();
    boolean byScore = r.sort() == SearchRequest.Sort.RELEVANCE;
    for (int read = Math.max(64, wanted * 4); ; read *= 4) {
      read = Math.min(read, MAX_READ);
      ScoreDoc[] docs = best(searcher, query, r.sort(), read).scoreDocs;
      boolean all = docs.length < read; // every match was read
      // By score, Lucene breaks ties by doc id, a full pass by order key: of the matches read, only
      // those scoring above the last are surely among the best.
      int sure = docs.length;
      while (byScore && !all && sure > 0 && docs[sure - 1].score == docs[docs.length - 1].score) {
        sure--;
      }
      Set<String> groups = new LinkedHashSet<>();
      int articles = 0;
      boolean enough = false;
      float lastScore = Float.NaN;
      for (int i = 0; i < sure; i++) {
        // Past the page's last entry, the matches that tie with it: a full pass may put them first.
        if (enough && !(byScore && docs[i].score == lastScore)) {
          break;
        }
        String id = ords.idOf(docs[i].doc);
        if (id == null) {
          return null;
        }
        groups.add(id);
        articles++;
        if (!enough && (collapse ? groups.size() : articles) >= wanted) {
          enough = true;
          lastScore = docs[i].score;
        }
      }
      if (all || enough) {
        // Every match of those groups: their first copies, counts and best matches, as a full pass finds them.
        Query inGroups = new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(new TermInSetQuery(Fields.GROUP, groups.stream().map(BytesRef::new).toList()),
                BooleanClause.Occur.FILTER)
            .build();
        return searcher.search(inGroups, new GroupedHits(r, ords));
      }
      if (read == MAX_READ) {
        return null;
      }
    }
  }

  /**
   * The {@code n} best matches in the request's order, found without visiting the others: by score,
   * Lucene skips the blocks of postings that cannot reach the best {@code n} (ties by doc id); by
   * date, the published time's points skip, and ties are broken as {@link GroupedHits} breaks them.
   */
  private static TopDocs best(IndexSearcher searcher, Query query, SearchRequest.Sort sort, int n)
      throws IOException {
    if (sort == SearchRequest.Sort.RELEVANCE) {
      return searcher.search(query, new TopScoreDocCollectorManager(n, n));
    }
    boolean newest = sort == SearchRequest.Sort.NEWEST;
    SortField published = new SortField(Fields.PUBLISHED, SortField.Type.LONG, newest);
    published.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE); // undated last either way
    Sort order = new Sort(published, SortField.FIELD_SCORE, new SortField(Fields.ORDER_KEY, SortField.Type.LONG));
    return searcher.search(query, new TopFieldCollectorManager(order, n, n));
  }
}
