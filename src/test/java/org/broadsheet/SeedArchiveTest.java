package org.broadsheet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.extract.SharedExtractor;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared seed evaluation, end to end: after indexing corpus/ with the real extractor,
 * every value a reader expects is a facet value of its article (or an accepted alias), and
 * no value that must not be is.
 */
class SeedArchiveTest {
  private static final Path EVAL = Path.of("../shared/eval/seed-entities.json");
  @TempDir
  static Path tmp;
  static Broadsheet archive;

  @BeforeAll
  static void index() throws Exception {
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults(), ParserLimits.DEFAULT,
        SearchSettings.defaults(), SharedExtractor.extractor());
    var report = archive.index(List.of(Path.of("corpus")));
    assertTrue(report.failures().isEmpty(), report.failures().toString());
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  @Test
  void facetsHoldWhatAReaderExpects() throws Exception {
    assumeTrue(Files.exists(EVAL), "no " + EVAL + " beside the repository");
    JsonNode eval = new ObjectMapper().readTree(EVAL.toFile());
    JsonNode aliases = eval.path("aliases");
    SearchResult all = archive.search(SearchRequest.of("").withSize(10));
    List<String> problems = new ArrayList<>();
    for (var file : eval.path("files").properties()) {
      ArticleView a = archive.article(org.broadsheet.ingest.ArticleId.of(Path.of("corpus", file.getKey()))).orElseThrow();
      Map<String, List<String>> facets = Map.of(Fields.FACET_PEOPLE, a.people(), Fields.FACET_PLACES, a.places(),
          Fields.FACET_ORGS, a.organizations());
      for (var dim : file.getValue().properties()) {
        Set<String> values = new HashSet<>(facets.get(dim.getKey()));
        Set<String> facetValues = new HashSet<>();
        all.facets().get(dim.getKey()).forEach(v -> facetValues.add(v.value()));
        for (JsonNode must : dim.getValue().path("must")) {
          if (!anyOf(must.asText(), aliases, values)) {
            problems.add(file.getKey() + " " + dim.getKey() + " lacks " + must.asText() + " in " + values);
          }
        }
        for (JsonNode mustNot : dim.getValue().path("must_not")) {
          if (values.contains(mustNot.asText())) {
            problems.add(file.getKey() + " " + dim.getKey() + " must not have " + mustNot.asText());
          }
        }
        assertTrue(facetValues.stream().allMatch(v -> !v.isBlank()));
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static boolean anyOf(String value, JsonNode aliases, Set<String> values) {
    if (values.contains(value)) {
      return true;
    }
    for (JsonNode alias : aliases.path(value)) {
      if (values.contains(alias.asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void facetCountsAndEntityFieldsAreSearchable() throws Exception {
    SearchResult r = archive.search(SearchRequest.of("person:\"Recep Tayyip Erdoğan\""));
    assertTrue(r.total() == 2, "both seeds name Erdoğan: " + r.total());
    SearchResult people = archive.search(SearchRequest.of("").withFilters(
        Map.of(Fields.FACET_PEOPLE, List.of("Benjamin Netanyahu"))));
    assertTrue(people.total() == 1, "only the second seed names Netanyahu");
    assertTrue(people.facets().get(Fields.FACET_PEOPLE).stream()
        .anyMatch(v -> v.value().equals("Sami Abu Zuhri")), "drill sideways keeps the other people's counts");
    assertTrue(people.facets().get(Fields.FACET_COUNTRIES).stream().anyMatch(v -> v.value().equals("TR")));
  }
}
