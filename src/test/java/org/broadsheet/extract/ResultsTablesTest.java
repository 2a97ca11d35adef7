package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTablesTest {
  private final ResultsTables tables = new ResultsTables(new Countries());

  private static List<Span> places(String text, String... names) {
    List<Span> out = new ArrayList<>();
    int from = 0;
    for (String n : names) {
      int at = text.indexOf(n, from);
      out.add(new Span(EntityType.PLACE, at, at + n.length()));
      from = at + 1;
    }
    return out;
  }

  private static String types(String text, List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (Span s : spans) {
      out.append(s.text(text)).append('=').append(s.type() == EntityType.PLACE ? "place" : "org").append(' ');
    }
    return out.toString().strip();
  }

  @Test
  void citiesInAResultsTableAreTeamsThroughoutTheArticle() {
    String text = "NEW YORK 1996-08-31\nCHICAGO 72 64 .529 9\nSan Diego 3 NEW YORK 2\nKANSAS CITY AT DETROIT\n"
        + "Chicago won again, said fans in Detroit.";
    List<Span> spans = places(text, "NEW YORK", "CHICAGO", "San Diego", "NEW YORK", "KANSAS CITY", "DETROIT",
        "Chicago", "Detroit");
    assertEquals("NEW YORK=place CHICAGO=org San Diego=org NEW YORK=org KANSAS CITY=org DETROIT=place Chicago=org "
        + "Detroit=place", types(text, tables.retype(text, spans)));
  }

  @Test
  void countriesStayPlacesAndProseIsNoTable() {
    String text = "Germany 2 France 1\nThe mayor of Leeds said 3 people were hurt.";
    List<Span> spans = places(text, "Germany", "France", "Leeds");
    assertEquals("Germany=place France=place Leeds=place", types(text, tables.retype(text, spans)));
  }
}
