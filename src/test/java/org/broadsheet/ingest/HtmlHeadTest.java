package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlHeadTest {
  @Test
  void publishedFromJsonLdOrMicrodata() {
    assertEquals("2024-05-12T08:00:00Z", new HtmlHead("""
        <script type="application/ld+json">{"@type": "NewsArticle", "datePublished" : "2024-05-12T08:00:00Z"}</script>
        """).published());
    assertEquals("2024-05-13", new HtmlHead("<time itemprop=\"datePublished\" class=\"x\" datetime=\"2024-05-13\">").published());
    assertEquals("2024-05-14", new HtmlHead("<meta content='2024-05-14' itemprop='datePublished'>").published());
    assertNull(new HtmlHead("<p>Published on 12 May</p>").published());
  }

  @Test
  void languageOfTheRootElementOnly() {
    assertEquals("de", new HtmlHead("<!DOCTYPE html>\n<HTML class=\"no-js\" Lang=\"DE\"><body lang=\"fr\">").lang());
    assertEquals("en", new HtmlHead("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\">").lang());
    assertNull(new HtmlHead("<html><body><p lang=\"fr\">Bonjour</p></body></html>").lang());
    assertNull(new HtmlHead("<p>no root element</p>").lang());
  }

  @Test
  void unclosedTagsAreScannedOnce() {
    // 100,000 "<html " without a ">": a lazy "<html[^>]*?lang=" regex tried each to the end (quadratic).
    String hostile = "<html ".repeat(100_000) + "lang=\"en\"";
    assertNull(new HtmlHead(hostile).lang(), "only the root tag's first 2,000 characters are its attributes");
    assertNull(new HtmlHead("itemprop=\"datePublished\" ".repeat(50_000)).published());
  }
}
