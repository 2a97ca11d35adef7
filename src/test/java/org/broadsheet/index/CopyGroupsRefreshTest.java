package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Groups of copies while readers refresh under the indexing threads: a refresh opens its reader
 * outside the lock, so articles are assigned against the old reader and the table meanwhile, and
 * the table must let go only of what the new reader shows.
 */
class CopyGroupsRefreshTest {
  @Test
  void copiesFindTheirGroupAcrossRefreshesMadeWhileOtherThreadsAssign() throws Exception {
    record Version(String id, int story, String title, String text) {
    }
    List<Version> versions = new ArrayList<>();
    for (int s = 0; s < StoryVariants.STORIES.size(); s++) {
      String story = StoryVariants.STORIES.get(s);
      List<String> texts = List.of(story, StoryVariants.newHeadline(story), StoryVariants.dropParagraph(story),
          StoryVariants.addParagraph(story), StoryVariants.changeWords(story, 4, s), StoryVariants.retop(story));
      for (int v = 0; v < texts.size(); v++) {
        String t = texts.get(v);
        versions.add(new Version("s" + s + "v" + v, s, StoryVariants.title(t), t.substring(t.indexOf("\n\n") + 2)));
      }
    }
    for (int round = 0; round < 150; round++) {
      List<Version> order = new ArrayList<>(versions);
      Collections.shuffle(order, new Random(round));
      Map<String, String> groupOf = new ConcurrentHashMap<>();
      try (IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new StandardAnalyzer()));
           CopyGroups groups = new CopyGroups(writer, 1 + round % 3, round % 2 == 0 ? Integer.MAX_VALUE : order.size())) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (Version v : order) {
            done.add(pool.submit(() -> {
              CopyMark mark = groups.assign(v.id(), v.id(), v.title(), v.text(), 0L);
              writer.updateDocument(new Term(Fields.ID, v.id()), document(v.id(), mark, v.title(), v.text()));
              groups.written(v.id());
              groupOf.put(v.id(), mark.group());
              return null;
            }));
          }
          for (Future<?> f : done) {
            f.get();
          }
        } finally {
          pool.shutdown();
        }
      }
      for (Version a : versions) {
        for (Version b : versions) {
          assertEquals(a.story() == b.story(), groupOf.get(a.id()).equals(groupOf.get(b.id())),
              "round " + round + ": " + a.id() + " / " + b.id());
        }
      }
    }
  }

  @Test
  void noReaderIsRefreshedForTheRunsLastFewArticles() throws Exception {
    for (int files : new int[] {9, 10, Integer.MAX_VALUE}) {
      try (IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new StandardAnalyzer()));
           CopyGroups groups = new CopyGroups(writer, 4, files)) {
        for (int i = 0; i < 9; i++) {
          String id = "a" + i;
          String text = StoryVariants.STORIES.get(i % StoryVariants.STORIES.size()) + " " + i;
          CopyMark mark = groups.assign(id, id, "t", text, 0L);
          writer.updateDocument(new Term(Fields.ID, id), document(id, mark, "t", text));
          groups.written(id);
        }
        // Refreshes are due at 4 and 8 written; the one at 8 is skipped when at most 2 (half of 4) files can follow.
        assertEquals(files == 9 ? 1 : 2, groups.refreshes(), "files " + files);
      }
    }
  }

  @Test
  void theTableLetsGoOnlyOfArticlesWrittenBeforeTheRefreshBegan() {
    PendingCopies pending = new PendingCopies();
    MinHash a = MinHash.ofArticle("Cocoa", StoryVariants.STORIES.get(0));
    MinHash b = MinHash.ofArticle("Sugar", StoryVariants.STORIES.get(3));
    pending.add("a", "g1", a);
    pending.add("b", "g2", b);
    pending.written("a");
    PendingCopies.Written before = pending.writtenSoFar();
    pending.written("b"); // while the reader opens: it may not show b
    pending.drop(before);
    assertFalse(pending.shadows("a"));
    assertTrue(pending.shadows("b"), "b was written after the refresh began");
    assertEquals("g2", pending.closest("x", b, null).group());
  }

  private static Document document(String id, CopyMark mark, String title, String body) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, id, Field.Store.YES));
    doc.add(new StringField(Fields.GROUP, mark.group(), Field.Store.YES));
    doc.add(new StoredField(Fields.TITLE, title));
    doc.add(new StoredField(Fields.BODY, body));
    for (String band : mark.signature().bands()) {
      doc.add(new StringField(Fields.COPY_BAND, band, Field.Store.NO));
    }
    return doc;
  }
}
