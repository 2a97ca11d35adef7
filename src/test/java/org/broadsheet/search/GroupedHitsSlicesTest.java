package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The groups of copies come out the same whether the index's segments are collected by one
 * collector or each by its own on other threads (the tables of several collectors merged), in
 * every mode: collapsed or not, by relevance or by date, first page or a later one.
 */
class GroupedHitsSlicesTest {
  @TempDir
  Path tmp;

  private static final String[] STORIES = {
      "Wheat futures rose in Chicago as dry weather hurt the crop. Traders said wheat stocks were low.",
      "Farmers in Kansas held back wheat sales, waiting for better prices after the harvest.",
      "The government said wheat exports fell last month because of a strong currency and weak demand.",
      "Millers bought wheat and corn for delivery in the spring, dealers in London said on Tuesday.",
  };

  /** A story long enough to be told apart from the others and recognised in its copies. */
  private static String story(int s) {
    String[] places = {"Chicago", "Kansas", "London", "Sydney", "Winnipeg", "Rouen"};
    String[] crops = {"barley", "oats", "rye", "sorghum", "canola", "millet"};
    StringBuilder b = new StringBuilder(STORIES[s % STORIES.length]);
    for (int i = 0; i < 8; i++) {
      b.append(' ').append("In ").append(places[(s + i) % places.length]).append(" the ")
          .append(crops[(s * 3 + i) % crops.length]).append(" trade ").append(i % 2 == 0 ? "slowed" : "picked up")
          .append(" on day ").append(i + 1).append(" of report ").append(s).append(", brokers noted.");
    }
    return b.toString();
  }

  private void write(String name, String text) throws Exception {
    Path f = tmp.resolve("corpus").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void severalCollectorsMakeTheSamePagesAsOne() throws Exception {
    try (Broadsheet b = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false),
        ParserLimits.DEFAULT)) {
      // Three runs, so three segments at least: stories, then copies of some of them, then more stories.
      for (int s = 0; s < STORIES.length; s++) {
        write("run1/s" + s + ".txt", "Grain report " + s + "\n\nMarch " + (s + 1) + ", 1987 - " + story(s));
      }
      b.index(List.of(tmp.resolve("corpus")));
      for (int s = 0; s < 2; s++) { // the same story under another date: a copy
        write("run2/copy" + s + ".txt", "Grain report " + s + "\n\nMarch " + (s + 10) + ", 1987 - " + story(s));
      }
      b.index(List.of(tmp.resolve("corpus")));
      for (int s = 0; s < 6; s++) {
        write("run3/other" + s + ".txt", "Other " + s + "\n\nApril " + (s + 1) + ", 1987 - The wheat board met "
            + "again, number " + s + ", and said " + "wheat ".repeat(s + 1) + "was the matter of the day.");
      }
      b.index(List.of(tmp.resolve("corpus")));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index").resolve("lucene")))) {
      assertTrue(reader.leaves().size() >= 3, "segments: " + reader.leaves().size());
      IndexSearcher one = new IndexSearcher(reader);
      IndexSearcher perSegment = new IndexSearcher(reader, pool) {
        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
          List<LeafSlice> out = new ArrayList<>();
          for (LeafReaderContext leaf : leaves) {
            out.add(new LeafSlice(List.of(LeafReaderContextPartition.createForEntireSegment(leaf))));
          }
          return out.toArray(new LeafSlice[0]);
        }
      };
      assertTrue(perSegment.getSlices().length >= 3);
      GroupOrds ords = GroupOrds.of(reader);
      TermQuery wheat = new TermQuery(new Term(Fields.BODY, "wheat"));
      int pages = 0;
      boolean copies = false;
      for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
        for (boolean collapse : new boolean[] {true, false}) {
          for (int page = 1; page <= 3; page++) {
            SearchRequest r = new SearchRequest("wheat", Map.of(), null, null, null, sort, page, 3, Map.of(), null,
                collapse, null);
            GroupedHits.Result a = one.search(wheat, new GroupedHits(r, ords));
            GroupedHits.Result c = perSegment.search(wheat, new GroupedHits(r, ords));
            String what = sort + (collapse ? " collapsed" : "") + " page " + page;
            assertEquals(a.total(), c.total(), what);
            assertEquals(a.groups(), c.groups(), what);
            assertEquals(GroupedHits.page(a, r), GroupedHits.page(c, r), what);
            pages += GroupedHits.page(a, r).isEmpty() ? 0 : 1;
            copies |= GroupedHits.page(a, r).stream().anyMatch(h -> h.copies() > 0);
          }
        }
      }
      assertTrue(pages >= 12, "pages with hits: " + pages);
      assertTrue(copies, "some stories have a copy in another segment");
    } finally {
      pool.shutdown();
    }
  }
}
