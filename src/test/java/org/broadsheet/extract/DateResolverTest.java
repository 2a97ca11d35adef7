package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateResolverTest {
  private final DateResolver dates = new DateResolver();
  /** A Sunday. */
  private final LocalDate published = LocalDate.of(2024, 5, 12);

  private List<String> values(String text, LocalDate when) {
    return dates.find(text, when).stream().map(m -> m.text() + "=" + m.value()).toList();
  }

  @Test
  void absoluteDates() {
    assertEquals(List.of("May 12, 2024=2024-05-12", "12 March 2023=2023-03-12", "January 2020=2020-01",
            "2019-11-05=2019-11-05"),
        values("Talks on May 12, 2024 followed those of 12 March 2023, January 2020 and 2019-11-05.", null));
  }

  @Test
  void daysWithoutAYearAreTheRecentPast() {
    assertEquals(List.of("Oct. 7=2023-10-07"), values("since Oct. 7 more than 35,000 died", published));
    assertEquals(List.of("Feb 26=1987-02-26"), values("SALVADOR, Feb 26 - Showers", LocalDate.of(1987, 2, 26)));
    // Wire copy in capitals: a month with its day or year is a date; the verb "may" is not.
    assertEquals(List.of("MARCH 4=1987-03-04", "MARCH 1987=1987-03"),
        values("NEW YORK, MARCH 4 - SALES ROSE IN MARCH 1987, TRADERS SAID", LocalDate.of(1987, 3, 4)));
    assertEquals(List.of(), values("PRICES MAY RISE, MARCH ORGANISERS SAID", LocalDate.of(1987, 3, 4)));
    assertEquals(List.of("February 22=1987-02-22"),
        values("the week ended February 22 were 155,221 bags", LocalDate.of(1987, 2, 26)));
    assertEquals(List.of("June 3=2024-06-03"), values("a vote on June 3.", published));
  }

  @Test
  void monthsAndWeekdays() {
    assertEquals(List.of("Last October=2023-10"), values("Last October, he said", published));
    assertEquals(List.of("January=2024-01"), values("An interim ruling in January said", published));
    assertEquals(List.of("Sunday=2024-05-12", "Friday=2024-05-10", "Monday=2024-05-06"),
        values("Also on Sunday, it said. On Friday it asked. He said Monday.", published));
    assertEquals(List.of("next Tuesday=2024-05-14", "yesterday=2024-05-11"),
        values("due next Tuesday, he said yesterday", published));
  }

  @Test
  void yearsNeedAContext() {
    assertEquals(List.of("2023=2023", "2014=2014"), values("in 2023 and since 2014", published));
    assertEquals(List.of(), values("some 2000 people and 1,200 more, $1987 in all", published));
  }

  @Test
  void notDates() {
    assertEquals(List.of(), values("May I say the March was long; 1,750 to 1,780 dlrs", published));
    assertEquals(List.of("Monday=null"), values("on Monday", null));
  }

  /**
   * The patterns are run only around the words their matches hold (DateAnchors): dates whose parts
   * lie apart, next to one another, at the text's ends, and in capitals are found as before.
   */
  @Test
  void datesAroundTheirWordsAreFoundWholeAtAnyDistanceTheyReach() {
    assertEquals(List.of("May 12,          1987=1987-05-12"), values("On May 12,          1987 it fell", published));
    assertEquals(List.of("May 1987=1987-05", "June 3=2024-06-03", "Friday=2024-05-10"),
        values("May 1987, June 3 and Friday", published));
    assertEquals(List.of("March=2024-03"), values("since early          March", published));
    assertEquals(List.of("Sept 1=2023-09-01", "2019-11-05=2019-11-05"), values("Sept 1 and 2019-11-05", published));
    assertEquals(List.of("TODAY=2024-05-12"), values("IMF TALKS END TODAY", published));
    assertEquals(List.of("MAY 12=2024-05-12"), values("MAY 12, MONDAY, 19870", published));
    assertEquals(List.of("12th May=2024-05-12", "1998=1998"), values("12th May; in 1998", published));
  }
}
