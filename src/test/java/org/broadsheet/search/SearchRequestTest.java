package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.broadsheet.index.Fields;
import org.junit.jupiter.api.Test;

/** A request checks itself when made, and keeps its values in the index's form. */
class SearchRequestTest {
  private static SearchRequest published(String path) {
    return new SearchRequest("", Map.of(), path, null, null, null, 1, 10);
  }

  private static SearchRequest filtered(String dim, String... values) {
    return new SearchRequest("", Map.of(dim, Arrays.asList(values)), null, null, null, null, 1, 10);
  }

  private static String message(Runnable r) {
    return assertThrows(BadQueryException.class, r::run).getMessage();
  }

  @Test
  void publishedMonthsAndDaysMayBeWrittenWithoutLeadingZeros() {
    assertEquals("2024/05", published("2024/5").published());
    assertEquals("2024/05", published("2024/05").published());
    assertEquals("2024/05/03", published("2024-5-3").published());
    assertEquals("2024", published(" 2024 ").published());
    assertNull(published("  ").published());
    assertEquals(published("2024/5"), published("2024/05"), "one cache key");
  }

  @Test
  void publishedMustBeARealDate() {
    assertTrue(message(() -> published("2024/13")).contains("2024/13"));
    assertThrows(BadQueryException.class, () -> published("2023/02/29"));
    assertThrows(BadQueryException.class, () -> published("last week"));
    assertThrows(BadQueryException.class, () -> published("24/05"));
    assertThrows(BadQueryException.class, () -> published("2024/05/"));
    assertThrows(BadQueryException.class, () -> published("2024/05/03/10"));
    assertEquals("2024/02/29", published("2024/2/29").published());
  }

  @Test
  void aBadExclusionIsNamedAsTheParameterWritten() {
    assertEquals("'people' must not be empty", message(() -> new SearchRequest("", Map.of("people", List.of(" ")),
        null, null, null, null, 1, 10, Map.of(), null, true, null)));
    assertEquals("'not_people' must not be empty", message(() -> new SearchRequest("", Map.of(), null, null, null,
        null, 1, 10, Map.of("people", List.of(" ")), null, true, null)));
    assertTrue(message(() -> new SearchRequest("", Map.of(), null, null, null, null, 1, 10,
        Map.of(Fields.FACET_COUNTRIES, List.of("Narnia")), null, true, null)).startsWith("'not_countries' takes"));
  }

  @Test
  void countriesByNameOrCode() {
    assertEquals(List.of("JP"), filtered(Fields.FACET_COUNTRIES, "Japan").filters().get(Fields.FACET_COUNTRIES));
    assertEquals(List.of("JP"), filtered(Fields.FACET_COUNTRIES, "jp").filters().get(Fields.FACET_COUNTRIES));
    assertEquals(List.of("TR", "US"),
        filtered(Fields.FACET_COUNTRIES, "Turkey", "United States").filters().get(Fields.FACET_COUNTRIES));
    assertTrue(message(() -> filtered(Fields.FACET_COUNTRIES, "Narnia")).contains("Narnia"));
  }

  @Test
  void emptyValuesAndUnknownDimensionsAreRefused() {
    assertTrue(message(() -> filtered(Fields.FACET_PEOPLE, " ")).contains("people"));
    assertThrows(BadQueryException.class, () -> filtered(Fields.FACET_PEOPLE, "Erdoğan", ""));
    assertTrue(message(() -> filtered("colour", "red")).contains("colour"));
    assertThrows(BadQueryException.class, () -> filtered(Fields.FACET_PUBLISHED, "2024"), "published is a path, not a filter");
    assertEquals(Map.of(), filtered(Fields.FACET_PEOPLE).filters(), "a dimension with no values selects nothing");
  }

  @Test
  void datesAndPagingAreChecked() {
    assertThrows(BadQueryException.class, () -> new SearchRequest("", Map.of(), null, "2024-13", null, null, 1, 10));
    assertThrows(BadQueryException.class, () -> new SearchRequest("", Map.of(), null, "2024", "2019", null, 1, 10));
    assertThrows(BadQueryException.class, () -> new SearchRequest("", Map.of(), null, null, null, null, 0, 10));
    assertThrows(BadQueryException.class, () -> new SearchRequest("", Map.of(), null, null, null, null, 1, 0));
    assertTrue(message(() -> new SearchRequest("", Map.of(), null, null, null, null,
        SearchRequest.MAX_DEPTH / 10 + 1, 10)).contains("10000"));
    assertEquals(SearchRequest.MAX_DEPTH / 10,
        new SearchRequest("", Map.of(), null, null, null, null, SearchRequest.MAX_DEPTH / 10, 10).page());
  }
}
