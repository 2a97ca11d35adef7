package org.broadsheet.search;

import java.io.IOException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.broadsheet.index.Fields;

/**
 * Every match of a search, in the request's order, handed on page by page ({@link IndexSearcher#searchAfter}):
 * however many there are, only one page of {@link #PAGE} hits is held at a time. Each page is
 * searched in turn with the other searches ({@link SearchSlots}), so a long export does not keep
 * them waiting; its hits are written out between pages. Every article is written, copies included
 * (an export is of articles, not groups), without snippet.
 */
final class ExportPager {
  /** Hits per page: large enough that a page's search costs little per hit, small enough to hold. */
  static final int PAGE = 1_000;

  private ExportPager() {
  }

  /** @return how many hits went to {@code sink} */
  static long export(IndexSearcher searcher, SearchSlots slots, Query query, SearchRequest r, Spellings spellings,
                     ExportSink sink) throws IOException {
    Sort sort = sortOf(r.sort());
    FieldDoc after = null;
    long n = 0;
    StoredFields stored = searcher.storedFields();
    while (true) {
      FieldDoc from = after;
      TopFieldDocs page = slots.inTurn(() -> searcher.searchAfter(from, query, PAGE, sort, true));
      ScoreDoc[] docs = page.scoreDocs;
      for (ScoreDoc sd : docs) {
        SearchResult.Hit hit = HitReader.hit(stored.document(sd.doc), sd.score, "", 0);
        sink.accept(Respelling.hits(java.util.List.of(hit), spellings).get(0));
        n++;
      }
      if (docs.length < PAGE) {
        return n;
      }
      after = (FieldDoc) docs[docs.length - 1];
    }
  }

  /** The search's order, ending on the order key so that the pages join exactly. */
  private static Sort sortOf(SearchRequest.Sort sort) {
    SortField key = new SortField(Fields.ORDER_KEY, SortField.Type.LONG);
    if (sort == SearchRequest.Sort.RELEVANCE) {
      return new Sort(SortField.FIELD_SCORE, key);
    }
    boolean newest = sort == SearchRequest.Sort.NEWEST;
    SortField byDate = new SortField(Fields.PUBLISHED, SortField.Type.LONG, newest);
    byDate.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE); // undated articles last either way
    return new Sort(byDate, SortField.FIELD_SCORE, key);
  }
}
