package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.ingest.Article;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared seed evaluation: for each seed article, every value a reader expects in the
 * people, places and organisations facets is there (or an accepted alias), and no value that
 * must not be is.
 */
class SeedEvalTest {
  private static final Path EVAL = Path.of("../shared/eval/seed-entities.json");
  private static final Map<String, EntityType> FACETS = Map.of(
      "people", EntityType.PERSON, "places", EntityType.PLACE, "organizations", EntityType.ORGANIZATION);

  /** The seed texts are in the repository's corpus/ after the merge, and in shared/seeds/ meanwhile. */
  private static Path seed(String file) {
    Path inRepo = Path.of("corpus", file);
    return Files.exists(inRepo) ? inRepo : Path.of("../shared/seeds", file);
  }

  static Article article(String id, String text) {
    String title = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    return new Article(id, id, title, text, null, null, null, null, "en", "text/plain", null);
  }

  @TestFactory
  List<DynamicTest> seedArticles() throws IOException {
    assumeTrue(Files.exists(EVAL), "no " + EVAL + " beside the repository");
    JsonNode eval = new ObjectMapper().readTree(EVAL.toFile());
    JsonNode aliases = eval.path("aliases");
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> files = eval.path("files").fields(); files.hasNext(); ) {
      Map.Entry<String, JsonNode> file = files.next();
      tests.add(DynamicTest.dynamicTest(file.getKey(), () -> check(file.getKey(), file.getValue(), aliases)));
    }
    return tests;
  }

  private static void check(String file, JsonNode expected, JsonNode aliases) throws IOException {
    Path path = seed(file);
    assumeTrue(Files.exists(path), "seed text " + file + " not found");
    Extraction x = SharedExtractor.extractor().extract(article(file, Files.readString(path)));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, EntityType> facet : FACETS.entrySet()) {
      Set<String> found = new HashSet<>(x.canonical(facet.getValue()));
      JsonNode spec = expected.path(facet.getKey());
      for (JsonNode must : spec.path("must")) {
        Set<String> accepted = new HashSet<>();
        accepted.add(must.asText());
        aliases.path(must.asText()).forEach(a -> accepted.add(a.asText()));
        if (accepted.stream().noneMatch(found::contains)) {
          problems.add(facet.getKey() + " lacks " + must.asText());
        }
      }
      for (JsonNode mustNot : spec.path("must_not")) {
        if (found.contains(mustNot.asText())) {
          problems.add(facet.getKey() + " has " + mustNot.asText());
        }
      }
    }
    assertTrue(problems.isEmpty(), file + ": " + problems + "\nextracted: people=" + x.canonical(EntityType.PERSON)
        + " places=" + x.canonical(EntityType.PLACE) + " orgs=" + x.canonical(EntityType.ORGANIZATION));
  }
}
