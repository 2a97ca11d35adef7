package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A search matching more articles than the server counts exactly says its counts are estimates,
 * and one click counts them exactly; the hits are the same either way.
 */
class EstimatedCountsBrowserTest extends BrowserHarness {
  private static final int ARTICLES = 400;

  @BeforeAll
  static void start() throws Exception {
    startServer(dir -> {
      for (int i = 0; i < ARTICLES; i++) {
        write(dir.resolve("market/" + i + ".txt"), "Market report " + i + "\n\nMarch " + (1 + i % 28)
            + ", 2019 - The market in lot " + i + " traded " + "steady ".repeat(1 + i % 7) + "on the day.\n");
      }
    }, new SearchSettings(1, Duration.ofSeconds(10), 0, 100));
  }

  private java.util.List<String> titles() {
    return driver.findElements(By.cssSelector("#results .hit-title a")).stream().map(e -> e.getText()).toList();
  }

  @Test
  void aBroadSearchSaysAboutAndCountsExactlyOnAClick() {
    open("/?q=market");
    waitForResults();
    String estimated = statusText();
    assertTrue(estimated.startsWith("about "), estimated);
    var shown = titles();
    assertEquals(10, shown.size());
    driver.findElement(By.linkText("count exactly")).click();
    wait.until(d -> !statusText().startsWith("about "));
    waitForResults();
    assertEquals(ARTICLES, total(), statusText());
    assertTrue(driver.getCurrentUrl().contains("exact=true"), driver.getCurrentUrl());
    assertFalse(statusText().contains("count exactly"), statusText());
    assertEquals(shown, titles(), "the same hits, counted exactly");
  }
}
