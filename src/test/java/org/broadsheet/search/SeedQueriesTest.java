package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "search" list of shared/eval/seed-entities.json: each query over the two seed
 * articles in corpus/ returns exactly the expected files.
 */
class SeedQueriesTest {
  @TempDir
  static Path tmp;
  static Broadsheet archive;

  @BeforeAll
  static void index() throws Exception {
    archive = Broadsheet.open(tmp, IndexSettings.defaults().withExtract(false).withThreads(1), ParserLimits.DEFAULT);
    archive.index(List.of(Path.of("corpus")));
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Erdogan                 | 000_aa7caa1097e01e70.txt 002_bcd2389161724dfe.txt | ASCII spelling must find the Turkish spelling
      '"Rafah border crossing"' | 002_bcd2389161724dfe.txt                        | phrase query
      ceasefire               | 000_aa7caa1097e01e70.txt 002_bcd2389161724dfe.txt | both articles write cease-fire
      negotiation             | 000_aa7caa1097e01e70.txt 002_bcd2389161724dfe.txt | stemming: both texts say negotiations
      """)
  void queryFindsExactlyTheExpectedFiles(String query, String expected, String why) throws Exception {
    SearchResult r = archive.search(SearchRequest.of(query).withSize(10));
    Set<String> files = new TreeSet<>();
    r.hits().forEach(h -> files.add(Path.of(h.path()).getFileName().toString()));
    assertEquals(new TreeSet<>(List.of(expected.split(" "))), files, why);
    assertEquals(files.size(), r.total());
  }
}
