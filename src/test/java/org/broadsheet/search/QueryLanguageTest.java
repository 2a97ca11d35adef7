package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.ids;
import static org.broadsheet.search.TestArchive.org;
import static org.broadsheet.search.TestArchive.person;
import static org.broadsheet.search.TestArchive.place;
import static org.broadsheet.search.TestArchive.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of the query language on a small corpus, and every way a query can be refused. */
class QueryLanguageTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    searcher = TestArchive.open(tmp, List.of(
        doc("a1", "Ceasefire talks resume in Cairo",
            "Negotiators met in Cairo on Monday. Hamas and Israel discussed a truce.", "2024-01-10",
            person("Recep Tayyip Erdoğan"), place("Cairo", "EG"), org("Hamas")),
        doc("a2", "Cease fire holds in Gaza",
            "The cease fire announced last week held through the weekend. Aid entered Rafah.", "2024-02-05",
            place("Gaza", "PS"), place("Rafah", "PS")),
        doc("a3", "Cease-fire collapses",
            "The cease-fire collapsed after shelling resumed near Rafah.", "2024-03-01", place("Rafah", "PS")),
        doc("a4", "Erdogan visits Doha",
            "Turkish President Erdogan met Qatari officials in Doha to discuss the negotiations.", "2023-11-20",
            person("Erdogan"), place("Doha", "QA")),
        doc("a5", "Erdoğan speaks in Ankara",
            "President Erdoğan said Türkiye would keep pressing for talks.", "2023-12-12",
            person("Recep Tayyip Erdoğan"), place("Ankara", "TR")),
        doc("a6", "Football results",
            "Galatasaray beat Fenerbahce in Istanbul on Sunday.", "2024-04-04", place("Istanbul", "TR")),
        doc("a7", "Parliament debates budget",
            "Lawmakers debated the negotiated budget until late.", null)));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  private static Set<String> found(String q) throws Exception {
    return new TreeSet<>(ids(searcher.search(query(q))));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Rafah shelling                    | a3
      rafah                             | a2 a3
      '"aid entered rafah"'             | a2
      '"entered aid rafah"'             | ''
      Galatasaray OR Doha               | a4 a6
      Rafah NOT shelling                | a2
      Rafah -shelling                   | a2
      +Rafah +shelling                  | a3
      (Galatasaray OR Qatari) -football | a4
      (Galatasaray OR Qatari) AND (Istanbul OR Cairo) | a6
      title:erdogan                     | a4 a5
      title:rafah                       | ''
      person:erdogan                    | a1 a4 a5
      person:"tayyip erdogan"           | a1 a5
      place:doha                        | a4
      org:hamas                         | a1
      negotiat*                         | a1 a4 a7
      Galatasray~                       | a6
      Fenerbahçe                        | a6
      negotiation                       | a4
      ceasefire                         | a1 a2 a3
      cease-fire                        | a1 a2 a3
      cease fire                        | a1 a2 a3
      '"cease fire"'                    | a1 a2 a3
      '"ceasefire talks"'               | a1
      cease fire collapses              | a3
      Erdogan                           | a4 a5
      Erdoğan                           | a4 a5
      turkiye                           | a5
      (Rafah                            | a2 a3
      Rafah)                            | a2 a3
      '"Rafah'                          | a2 a3
      Rafah^                            | a2 a3
      Rafah~~                           | a2 a3
      bogus:Rafah                       | ''
      Cairo AND                         | a1
      AND                               | a1
      OR OR                             | ''
      \\                                | ''
      """)
  void eachQueryForm(String q, String expected) throws Exception {
    Set<String> want = expected.isBlank() ? Set.of() : new TreeSet<>(List.of(expected.split(" ")));
    assertEquals(want, found(q), q);
  }

  @Test
  void wordsAreAllRequiredByDefault() throws Exception {
    assertEquals(Set.of("a3"), found("shelling Rafah"));
    assertEquals(Set.of(), found("shelling Galatasaray"));
  }

  @Test
  void blankQueryMatchesEverything() throws Exception {
    assertEquals(7, searcher.search(query("")).total());
    assertEquals(7, searcher.search(query("   ")).total());
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:", "Rafah title: ", "title:(", "(place:)", "org:\"\"", "[a TO z]", "{a TO z}",
      "/raf.*/", "title:/raf.*/"})
  void malformedQueriesAreRefusedWithAMessage(String q) {
    BadQueryException e = assertThrows(BadQueryException.class, () -> searcher.search(query(q)));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && e.getMessage().length() < 300, e.getMessage());
    assertTrue(!e.getMessage().contains("Was expecting"), e.getMessage());
  }

  @Test
  void messagesSayWhereTheQueryBroke() {
    assertEquals("nothing to search for after 'title:' at column 7; write title:word or title:\"a phrase\"",
        assertThrows(BadQueryException.class, () -> searcher.search(query("Rafah title:"))).getMessage());
    assertEquals("parentheses nest deeper than 16 at column 17",
        assertThrows(BadQueryException.class,
            () -> searcher.search(query("(".repeat(17) + "Rafah" + ")".repeat(17)))).getMessage());
    assertEquals("range queries are not supported; use the from and to date filters",
        assertThrows(BadQueryException.class, () -> searcher.search(query("[a TO z]"))).getMessage());
  }

  /** Random strings of query syntax: each either runs or is refused for a reason, never a grammar or other error. */
  @Test
  void noQueryFailsWithAnythingButBadQuery() throws Exception {
    String alphabet = "ab \"()*?~^:+-!\\[]{}/&|ORANDNOTtitle:person:";
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder q = new StringBuilder();
      int n = 1 + random.nextInt(20);
      for (int j = 0; j < n; j++) {
        q.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        searcher.search(query(q.toString()));
      } catch (BadQueryException expected) {
        // Refused for what it asks (a field with nothing after it, a pattern, a range), never
        // because the syntax handed to Lucene's grammar was broken.
        assertTrue(!expected.getMessage().startsWith("cannot parse"), q + ": " + expected.getMessage());
      } catch (RuntimeException e) {
        throw new AssertionError("query '" + q + "' failed with " + e, e);
      }
    }
  }

  @Test
  void expensiveQueriesAreRefusedQuickly() {
    List<String> bombs = List.of(
        "x".repeat(100_000),                                   // 100 KB
        "Rafah ".repeat(300),                                  // hundreds of clauses
        String.join(" OR ", java.util.Collections.nCopies(400, "ab")),
        "a*",                                                  // prefix of one letter
        "*fah",                                                // leading wildcard
        "?????*",                                              // wildcard bomb
        "ra?????*",                                            // too little literal prefix
        "Rafah~ Gaza~ Cairo~ Doha~ Ankara~",                   // fuzzy on many terms
        "ab~",                                                 // fuzzy on a tiny term
        "(".repeat(5000) + "Rafah" + ")".repeat(5000));
    for (String q : bombs) {
      assertTimeoutPreemptively(Duration.ofSeconds(2),
          () -> assertThrows(BadQueryException.class, () -> searcher.search(query(q)),
              q.substring(0, Math.min(40, q.length()))));
    }
  }

  @Test
  void boundedPatternQueriesRun() throws Exception {
    assertEquals(Set.of("a2", "a3"), found("raf*"));
    assertEquals(Set.of("a2", "a3"), found("raf?h"));
    assertEquals(Set.of("a6"), found("Galatasray~ Fenerbahce~"));
  }
}
