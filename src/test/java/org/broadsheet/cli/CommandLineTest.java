package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cli = BroadsheetCommand.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void indexExitsTwoWhenSomeFilesFailAndSearchPrintsJson() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("story.txt"), "Lighthouse keeper retires\nThe keeper lit the lamp for forty years.\n");
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    String index = tmp.resolve("index").toString();
    assertEquals(2, run("index", "--no-extract", "--index", index, corpus.toString()).code());

    Run search = run("search", "--json", "--index", index, "lighthouse");
    assertEquals(0, search.code(), search.err());
    JsonNode json = new ObjectMapper().readTree(search.out());
    assertEquals(1, json.get("total").asInt());
    assertEquals("story.txt", json.get("hits").get(0).get("id").asText());
    assertTrue(json.has("facets"));

    Run plain = run("search", "--index", index, "lighthouse");
    assertTrue(plain.out().contains("Lighthouse keeper retires"), plain.out());
  }

  @Test
  void clearErrorsNotStackTraces() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Title\nText.\n");
    String index = tmp.resolve("index").toString();
    assertEquals(0, run("index", "--no-extract", "--index", index, corpus.toString()).code());
    Run bad = run("search", "--index", index, "(oops");
    assertEquals(1, bad.code());
    assertTrue(bad.err().startsWith("broadsheet: bad query:"), bad.err());
    Run missing = run("search", "--index", tmp.resolve("nowhere").toString(), "x");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no index here yet"), missing.err());
    Run noCorpus = run("index", "--index", index, tmp.resolve("absent").toString());
    assertEquals(1, noCorpus.code());
  }
}
