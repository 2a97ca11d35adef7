package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchCluster;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.opensearch.OpenSearchTesting;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broadsheet entities ... --opensearch URL}: the correction commands on an archive in the
 * cluster, as {@link EntitiesCommandTest} runs them on the embedded index; the rules are the
 * cluster's, so an index folder that never saw them (another machine) reads and exports them.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class EntitiesOpenSearchCommandTest {
  private static final AtomicInteger TESTS = new AtomicInteger();
  @TempDir
  Path tmp;
  Path corpus;
  String url;
  String otherUrl;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void indexArticles(OpenSearchCluster.Url cluster) throws Exception {
    String name = "entities-cli-" + ProcessHandle.current().pid() + "-" + TESTS.incrementAndGet();
    url = cluster.index(name);
    otherUrl = cluster.index(name + "-other");
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Tories lose London\n\nThe Tories lost London to Tony Blair. Reuters Staff\n");
    Files.writeString(corpus.resolve("b.txt"), "Conservative Party regroups\n\nThe Conservative Party met in Manchester.\n");
    Files.writeString(corpus.resolve("c.txt"), "Labour's month\n\nTony Blair of Labour spoke in London. Reuters Staff\n");
    build(url);
  }

  @AfterEach
  void dropIndices() throws IOException {
    OpenSearchTesting.dropArchive(OpenSearchTarget.parse(url));
    OpenSearchTesting.dropArchive(OpenSearchTarget.parse(otherUrl));
  }

  private void build(String where) throws Exception {
    try (Broadsheet b = Broadsheet.open(tmp.resolve("index"), OpenSearchTarget.parse(where),
        IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT, SearchSettings.defaults(),
        EntitiesCommandTest.NAMES)) {
      b.index(List.of(corpus));
    }
  }

  /** Value → count of one dimension, from {@code entities list --json}. */
  private Map<String, Integer> list(String dim, String at) throws Exception {
    CliRun r = run("entities", "list", "--index", tmp.resolve("index").toString(), "--opensearch", at, "--dim", dim,
        "--json");
    assertEquals(0, r.code(), r.err());
    Map<String, Integer> out = new LinkedHashMap<>();
    new ObjectMapper().readTree(r.out()).get(dim).forEach(v -> out.put(v.get("value").asText(), v.get("count").asInt()));
    return out;
  }

  @Test
  void correctionsChangeTheClustersArticlesAndLiveInTheCluster() throws Exception {
    String here = tmp.resolve("index").toString();
    CliRun merge = run("entities", "merge", "--index", here, "--opensearch", url, "--dim", "organizations", "Tories",
        "--into", "Conservative Party");
    assertEquals(0, merge.code(), merge.err());
    assertEquals("r1: merge organizations \"Tories\" into \"Conservative Party\": 1 article rewritten\n", merge.out());
    assertEquals(Map.of("Conservative Party", 2, "Labour", 1), list("organizations", url));
    CliRun hide = run("entities", "hide", "--index", here, "--opensearch", url, "--dim", "people", "Reuters Staff");
    assertEquals("r2: hide people \"Reuters Staff\": 2 articles rewritten\n", hide.out());
    assertEquals(0, run("entities", "rename", "--index", here, "--opensearch", url, "--dim", "people", "Tony Blair",
        "--to", "Anthony Blair").code());
    assertEquals(0, run("entities", "retype", "--index", here, "--opensearch", url, "--dim", "people", "Manchester",
        "--to", "places").code());
    assertEquals(Map.of("Anthony Blair", 2), list("people", url));
    assertEquals(1, list("places", url).get("Manchester"));
    assertFalse(Files.exists(tmp.resolve("index").resolve("entity-rules.json")), "the rules are in the cluster");

    // Another machine: another index folder, the same cluster.
    String elsewhere = tmp.resolve("elsewhere").toString();
    CliRun rules = run("entities", "rules", "--index", elsewhere, "--opensearch", url);
    assertEquals(0, rules.code(), rules.err());
    List<String> lines = rules.out().lines().toList();
    assertEquals(4, lines.size(), rules.out());
    assertTrue(lines.get(0).matches("r1\\s+\\S+Z\\s+1 article\\s+merge organizations.*"), lines.get(0));
    assertTrue(lines.get(1).matches("r2\\s+\\S+\\s+2 articles\\s+hide people \"Reuters Staff\""), lines.get(1));
    CliRun export = run("entities", "export", "--index", elsewhere, "--opensearch", url);
    assertEquals(0, export.code(), export.err());
    Path file = tmp.resolve("rules.json");
    Files.writeString(file, export.out());

    build(otherUrl);
    CliRun imported = run("entities", "import", "--index", elsewhere, "--opensearch", otherUrl, file.toString());
    assertEquals(0, imported.code(), imported.err());
    assertEquals("imported 4 rules: 3 articles rewritten\n", imported.out());
    for (String dim : List.of("people", "places", "organizations")) {
      assertEquals(list(dim, url), list(dim, otherUrl), dim);
    }
    assertEquals(export.out(), run("entities", "export", "--opensearch", otherUrl).out());

    CliRun drop = run("entities", "drop", "--index", here, "--opensearch", url, "r1");
    assertEquals("dropped r1: 1 article rewritten\n", drop.out());
    assertEquals(Map.of("Conservative Party", 1, "Tories", 1, "Labour", 1), list("organizations", url));
    CliRun unknown = run("entities", "drop", "--opensearch", url, "r9");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("broadsheet: no rule with the id 'r9'"), unknown.err());
  }
}
