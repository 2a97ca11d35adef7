package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.NameListExtractor;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet entities ...}, each subcommand, on an index built with known entities. */
class EntitiesCommandTest {
  @TempDir
  Path tmp;
  Path corpus;
  String index;

  static final NameListExtractor NAMES = new NameListExtractor(List.of(
      NameListExtractor.person("Tony Blair", "Tony Blair"), NameListExtractor.person("Reuters Staff", "Reuters Staff"),
      NameListExtractor.person("Manchester", "Manchester"),
      NameListExtractor.org("Conservative Party", "Conservative Party"), NameListExtractor.org("Tories", "Tories"),
      NameListExtractor.org("Labour", "Labour"), NameListExtractor.place("London", "GB")));

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void indexArticles() throws Exception {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Tories lose London\n\nThe Tories lost London to Tony Blair. Reuters Staff\n");
    Files.writeString(corpus.resolve("b.txt"), "Conservative Party regroups\n\nThe Conservative Party met in Manchester.\n");
    Files.writeString(corpus.resolve("c.txt"), "Labour's month\n\nTony Blair of Labour spoke in London. Reuters Staff\n");
    index = build(tmp.resolve("index"));
  }

  private String build(Path where) throws Exception {
    try (Broadsheet b = Broadsheet.open(where, IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT,
        SearchSettings.defaults(), NAMES)) {
      b.index(List.of(corpus));
    }
    return where.toString();
  }

  /** Value → count of one dimension, from {@code entities list --json}. */
  private Map<String, Integer> list(String dim, String indexDir) throws Exception {
    CliRun r = run("entities", "list", "--index", indexDir, "--dim", dim, "--json");
    assertEquals(0, r.code(), r.err());
    Map<String, Integer> out = new LinkedHashMap<>();
    new ObjectMapper().readTree(r.out()).get(dim).forEach(v -> out.put(v.get("value").asText(), v.get("count").asInt()));
    return out;
  }

  @Test
  void listShowsValuesWithCountsMostFrequentFirst() throws Exception {
    CliRun all = run("entities", "list", "--index", index);
    assertEquals(0, all.code(), all.err());
    assertTrue(all.out().contains("people:") && all.out().contains("places:") && all.out().contains("organizations:"),
        all.out());
    assertTrue(all.out().matches("(?s).*\\s2\\s+Tony Blair.*"), all.out());
    assertEquals(Map.of("Conservative Party", 1, "Tories", 1, "Labour", 1), list("organizations", index));
    CliRun top = run("entities", "list", "--index", index, "--dim", "people", "--top", "1", "--json");
    assertEquals(1, new ObjectMapper().readTree(top.out()).get("people").size());
    CliRun prefix = run("entities", "list", "--index", index, "--dim", "organizations", "--prefix", "tor");
    assertTrue(prefix.out().contains("Tories") && !prefix.out().contains("Labour"), prefix.out());
    CliRun bad = run("entities", "list", "--index", index, "--dim", "dates");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("broadsheet: --dim must be one of people, places, organizations"), bad.err());
    assertTrue(bad.err().contains("broadsheet entities list --help"), bad.err());
  }

  @Test
  void mergeRenameRetypeAndHideChangeEveryArticleAndRulesListThem() throws Exception {
    CliRun merge = run("entities", "merge", "--index", index, "--dim", "organizations", "Tories", "--into",
        "Conservative Party");
    assertEquals(0, merge.code(), merge.err());
    assertEquals("r1: merge organizations \"Tories\" into \"Conservative Party\": 1 article rewritten\n", merge.out());
    assertEquals(Map.of("Conservative Party", 2, "Labour", 1), list("organizations", index));

    assertEquals(0, run("entities", "rename", "--index", index, "--dim", "people", "Tony Blair", "--to",
        "Anthony Blair").code());
    assertEquals(2, list("people", index).get("Anthony Blair"));
    assertEquals(0, run("entities", "retype", "--index", index, "--dim", "people", "Manchester", "--to", "places").code());
    assertEquals(1, list("places", index).get("Manchester"));
    assertFalse(list("people", index).containsKey("Manchester"));
    CliRun hide = run("entities", "hide", "--index", index, "--dim", "people", "Reuters Staff");
    assertEquals("r4: hide people \"Reuters Staff\": 2 articles rewritten\n", hide.out());
    assertEquals(Map.of("Anthony Blair", 2), list("people", index));

    CliRun rules = run("entities", "rules", "--index", index);
    assertEquals(0, rules.code(), rules.err());
    List<String> lines = rules.out().lines().toList();
    assertEquals(4, lines.size(), rules.out());
    assertTrue(lines.get(0).matches("r1\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z\\s+1 article\\s+merge organizations.*"), lines.get(0));
    assertTrue(lines.get(3).matches("r4\\s+\\S+\\s+2 articles\\s+hide people \"Reuters Staff\""), lines.get(3));
    JsonNode json = new ObjectMapper().readTree(run("entities", "rules", "--index", index, "--json").out());
    assertEquals(4, json.size());
    JsonNode first = json.get(0);
    for (String key : List.of("id", "action", "dim", "values", "to", "created", "articles")) {
      assertTrue(first.has(key), key + " in " + first);
    }
    assertEquals("merge", first.get("action").asText());
    assertEquals("Tories", first.get("values").get(0).asText());
    assertEquals(1, first.get("articles").asInt());
  }

  @Test
  void dropGivesBackWhatWasExtracted() throws Exception {
    run("entities", "merge", "--index", index, "--dim", "organizations", "Tories", "Labour", "--into", "Conservative Party");
    assertEquals(Map.of("Conservative Party", 3), list("organizations", index));
    CliRun drop = run("entities", "drop", "--index", index, "r1");
    assertEquals(0, drop.code(), drop.err());
    assertEquals("dropped r1: 2 articles rewritten\n", drop.out());
    assertEquals(Map.of("Conservative Party", 1, "Tories", 1, "Labour", 1), list("organizations", index));
    CliRun unknown = run("entities", "drop", "--index", index, "r9");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("broadsheet: no rule with the id 'r9'"), unknown.err());
  }

  @Test
  void exportedRulesImportIntoAnotherIndex() throws Exception {
    run("entities", "merge", "--index", index, "--dim", "organizations", "Tories", "--into", "Conservative Party");
    run("entities", "hide", "--index", index, "--dim", "people", "Reuters Staff");
    CliRun export = run("entities", "export", "--index", index);
    assertEquals(0, export.code(), export.err());
    assertEquals(Files.readString(Path.of(index, "entity-rules.json")), export.out(), "export prints the index's file");
    Path file = tmp.resolve("rules.json");
    Files.writeString(file, export.out());

    String other = build(tmp.resolve("other-index"));
    CliRun imported = run("entities", "import", "--index", other, file.toString());
    assertEquals(0, imported.code(), imported.err());
    assertEquals("imported 2 rules: 2 articles rewritten\n", imported.out());
    assertEquals(list("organizations", index), list("organizations", other));
    assertEquals(list("people", index), list("people", other));
    assertEquals(export.out(), run("entities", "export", "--index", other).out());

    Files.writeString(file, "{\"rules\": [{\"id\": \"r1\", \"action\": \"merge\", \"dim\": \"people\", \"values\": [\"A\"]}]}");
    CliRun bad = run("entities", "import", "--index", other, file.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().startsWith("broadsheet: " + file + ": rule r1 (merge) needs a value to change to"), bad.err());
    assertEquals(2, new ObjectMapper().readTree(run("entities", "rules", "--index", other, "--json").out()).size(),
        "a bad file changes nothing");
  }

  @Test
  void badRulesAndABusyIndexSayOneLine() throws Exception {
    CliRun same = run("entities", "retype", "--index", index, "--dim", "people", "Manchester", "--to", "people");
    assertEquals(2, same.code());
    assertTrue(same.err().contains("retype moves to another of people, places, organizations"), same.err());
    CliRun missing = run("entities", "merge", "--index", index, "--dim", "people", "A");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--into"), missing.err());
    CliRun nowhere = run("entities", "hide", "--index", tmp.resolve("nowhere").toString(), "--dim", "people", "A");
    assertEquals(1, nowhere.code());
    assertTrue(nowhere.err().startsWith("broadsheet: not found:"), nowhere.err());

    try (Directory dir = FSDirectory.open(Path.of(index, "lucene"));
         IndexWriter running = new IndexWriter(dir, new IndexWriterConfig())) {
      CliRun busy = run("entities", "hide", "--index", index, "--dim", "people", "Reuters Staff");
      assertEquals(1, busy.code());
      assertTrue(busy.err().startsWith("broadsheet: the index at ") && busy.err().contains(" is in use by "), busy.err());
      assertEquals(1, busy.err().strip().lines().count(), busy.err());
    }
    assertEquals("no rules (add one with 'broadsheet entities merge|rename|retype|hide')\n",
        run("entities", "rules", "--index", index).out());
  }
}
