package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.Broadsheet;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups of copies as the indexer makes them, run by run: copies indexed together, copies of
 * articles indexed in an earlier run, articles that change or go away, and what searches show.
 */
class CopyGroupsTest {
  @TempDir
  Path tmp;

  private Broadsheet open() {
    return Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT);
  }

  private Path write(String name, String text) throws Exception {
    Path f = tmp.resolve("corpus").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private static String id(Path f) {
    return ArticleId.of(f);
  }

  /** Article id → group, over every article. */
  private static Map<String, String> groups(Broadsheet b) throws Exception {
    Map<String, String> out = new HashMap<>();
    SearchRequest all = SearchRequest.of("").withSize(100).withCollapse(false);
    for (SearchResult.Hit h : b.search(all).hits()) {
      out.put(h.id(), h.group());
    }
    return out;
  }

  @Test
  void copiesIndexedInOneRunShareAGroupAndOtherStoriesDoNot() throws Exception {
    Map<String, Integer> storyOf = new HashMap<>();
    for (int s = 0; s < StoryVariants.STORIES.size(); s++) {
      String story = StoryVariants.STORIES.get(s);
      List<String> versions = List.of(story, StoryVariants.newHeadline(story), StoryVariants.dropParagraph(story),
          StoryVariants.addParagraph(story), StoryVariants.changeWords(story, 4, s), StoryVariants.retop(story));
      for (int v = 0; v < versions.size(); v++) {
        storyOf.put(id(write("s" + s + "/v" + v + ".txt", versions.get(v))), s);
      }
    }
    try (Broadsheet b = open()) {
      b.index(List.of(tmp.resolve("corpus")));
      Map<String, String> groups = groups(b);
      assertEquals(storyOf.size(), groups.size());
      for (var a : groups.entrySet()) {
        for (var c : groups.entrySet()) {
          boolean sameStory = storyOf.get(a.getKey()).equals(storyOf.get(c.getKey()));
          assertEquals(sameStory, a.getValue().equals(c.getValue()), a.getKey() + " / " + c.getKey());
        }
      }
      SearchResult collapsed = b.search(SearchRequest.of("").withSize(100));
      assertEquals(24, collapsed.total(), "total counts articles");
      assertEquals(4, collapsed.groups(), "groups counts stories");
      assertEquals(4, collapsed.hits().size(), "one hit per story");
      collapsed.hits().forEach(h -> assertEquals(5, h.copies(), h.title()));
      SearchResult every = b.search(SearchRequest.of("").withSize(100).withCollapse(false));
      assertEquals(24, every.hits().size());
      every.hits().forEach(h -> assertEquals(5, h.copies()));
    }
  }

  @Test
  void groupsRankByTheirBestCopyAmongArticlesThatAreTheirGroupsOnlyOne() throws Exception {
    for (int s = 0; s < StoryVariants.STORIES.size(); s++) {
      String story = StoryVariants.STORIES.get(s);
      write("s" + s + "/v0.txt", story);
      write("s" + s + "/v1.txt", StoryVariants.addParagraph(story) + "\n\nPrices, prices and more prices.");
      write("s" + s + "/v2.txt", StoryVariants.newHeadline(story));
    }
    write("alone/a.txt", "Prices rise\n\nPrices rose on Tuesday, and traders said prices would rise again.");
    write("alone/b.txt", "Wheat harvest\n\nThe wheat harvest was good this year, farmers said, and prices fell.");
    write("alone/c.txt", "Tin market\n\nTin prices held steady in a quiet market in London on Monday.");
    try (Broadsheet b = open()) {
      b.index(List.of(tmp.resolve("corpus")));
      SearchRequest q = SearchRequest.of("prices").withSize(100);
      // Articles best first, each group placed where its best copy is: the collapsed page's order.
      List<String> firstOfEachGroup = b.search(q.withCollapse(false)).hits().stream().map(SearchResult.Hit::group)
          .distinct().toList();
      SearchResult collapsed = b.search(q);
      assertEquals(firstOfEachGroup, collapsed.hits().stream().map(SearchResult.Hit::group).toList());
      assertEquals(firstOfEachGroup.size(), collapsed.groups());
      long alone = collapsed.hits().stream().filter(h -> h.copies() == 0).count();
      assertTrue(alone >= 3, "the three articles without copies stand alone: " + alone);
      collapsed.hits().forEach(h -> assertTrue(h.group() != null && !h.group().isEmpty(), h.id()));
      // Page by page, one group at a time after each page's cursor: the same groups in the same order.
      List<String> paged = new java.util.ArrayList<>();
      String after = null;
      do {
        SearchRequest one = SearchRequest.of("prices").withSize(1);
        SearchResult page = b.search(new SearchRequest(one.query(), one.filters(), one.published(), one.from(),
            one.to(), one.sort(), 1, 1, one.exclude(), null, true, after));
        page.hits().forEach(h -> paged.add(h.group()));
        after = page.next();
      } while (after != null && paged.size() <= firstOfEachGroup.size());
      assertEquals(firstOfEachGroup, paged, "paging with the cursor skips no group and shows none twice");
      SearchResult.Hit single = collapsed.hits().stream().filter(h -> h.copies() == 0).findFirst().orElseThrow();
      assertEquals(List.of(single.id()), b.search(q.withGroup(single.group())).hits().stream()
          .map(SearchResult.Hit::id).toList(), "a group of one is listed by its id");
    }
  }

  @Test
  void aCopyIndexedInALaterRunJoinsTheGroupInTheIndex() throws Exception {
    String story = StoryVariants.STORIES.get(1);
    Path first = write("first.txt", story);
    Path other = write("other.txt", StoryVariants.STORIES.get(2));
    try (Broadsheet b = open()) {
      b.index(List.of(tmp.resolve("corpus")));
      Path later = write("later.txt", StoryVariants.retop(story));
      b.index(List.of(tmp.resolve("corpus")));
      Map<String, String> groups = groups(b);
      assertEquals(groups.get(id(first)), groups.get(id(later)));
      assertNotEquals(groups.get(id(first)), groups.get(id(other)));
    }
  }

  @Test
  void theCopyShownIsTheEarliestPublishedAndCopiesCountOnlyMatches() throws Exception {
    String story = StoryVariants.STORIES.get(0);
    // Plain text with a dateline: the published date comes from it.
    Path late = write("late.txt", StoryVariants.title(story) + "\n\nSALVADOR, March 3, 1987 - "
        + String.join("\n\n", StoryVariants.paragraphs(story)));
    Path early = write("early.txt", "UPDATE 1-" + StoryVariants.title(story) + "\n\nSALVADOR, March 1, 1987 - "
        + String.join("\n\n", StoryVariants.paragraphs(story)));
    Path extra = write("extra.txt", StoryVariants.addParagraph(story) + "\n\nTelephone interview.");
    try (Broadsheet b = open()) {
      b.index(List.of(tmp.resolve("corpus")));
      SearchResult r = b.search(SearchRequest.of("cocoa").withSort(SearchRequest.Sort.NEWEST));
      assertEquals(1, r.hits().size());
      assertEquals(id(early), r.hits().get(0).id(), "the earliest published copy, whatever the sort");
      assertEquals(2, r.hits().get(0).copies());
      SearchResult narrow = b.search(SearchRequest.of("telephone"));
      assertEquals(1, narrow.total());
      assertEquals(id(extra), narrow.hits().get(0).id());
      assertEquals(0, narrow.hits().get(0).copies(), "copies counts the group's articles that match");
      assertEquals(Set.of(id(late), id(early), id(extra)), b.search(SearchRequest.of("")
          .withGroup(r.hits().get(0).group()).withSize(10)).hits().stream().map(SearchResult.Hit::id)
          .collect(Collectors.toSet()), "group= lists every copy");
    }
  }

  @Test
  void anArticleThatChangesOrGoesAwayLeavesItsCopiesWhole() throws Exception {
    String story = StoryVariants.STORIES.get(3);
    Path a = write("a.txt", story);
    Path b2 = write("b.txt", StoryVariants.newHeadline(story));
    Path c = write("c.txt", StoryVariants.dropParagraph(story));
    try (Broadsheet b = open()) {
      b.index(List.of(tmp.resolve("corpus")));
      String group = groups(b).get(id(a));
      // a becomes another story; b goes away.
      Files.writeString(a, StoryVariants.STORIES.get(2));
      Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      Files.delete(b2);
      b.index(List.of(tmp.resolve("corpus")));
      Map<String, String> groups = groups(b);
      assertEquals(2, groups.size());
      assertNotEquals(group, groups.get(id(a)), "a changed story leaves its old group");
      assertEquals(group, groups.get(id(c)));
      SearchResult r = b.search(SearchRequest.of("").withSize(10));
      assertEquals(2, r.hits().size());
      r.hits().forEach(h -> assertEquals(0, h.copies()));
      // Related articles never list a copy of the article itself.
      Path d = write("d.txt", StoryVariants.changeWords(story, 3, 9));
      write("e.txt", StoryVariants.STORIES.get(3).replace("Thai", "Thailand's"));
      b.index(List.of(tmp.resolve("corpus")));
      var view = b.article(id(d)).orElseThrow();
      Map<String, String> now = groups(b);
      view.related().forEach(rel -> assertNotEquals(now.get(id(d)), now.get(rel.id()), rel.title()));
      assertTrue(now.get(id(d)).equals(group), "a new copy joins the group its copies kept");
    }
  }
}
