package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick answer is only ever the one Tika's own detector would lead to; anything doubtful is left to Tika. */
class QuickTypeTest {
  /** Types a ".txt" file is read as rather than as plain text (ArticleParser's TEXT_FORMATS, and XML). */
  private static final Set<String> NOT_PLAIN_IN_TXT = Set.of("text/html", "application/xhtml+xml",
      "application/rtf", "text/rtf", "message/rfc822", "application/xml", "text/xml");

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Text</p></body></html>",
      "\uFEFF<!doctype HTML><html lang=\"en\"><body>x</body></html>",
      "  \n<html><body><h1>Wire</h1></body></html>",
      "<HTML><BODY>Old page</BODY></HTML>",
      "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>",
      "<?xml version=\"1.0\"?><html><body>x</body></html>",
      "<nitf><body>x</body></nitf>",
      "<div>a fragment</div>"})
  void markupIsHtmlOnlyWhereTikaSaysSo(String content) throws IOException {
    for (String name : new String[] {"page.html", "page.txt", "page"}) {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      String quick = QuickType.of(bytes, name.endsWith(".txt"));
      if (quick != null) {
        assertEquals(tika(bytes, name), quick, name + ": " + content);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WASHINGTON (Reuters) - The dollar rose.\nMore text follows.",
      "REM concerts blighted by illness\nThe band cancelled.",
      "MZ is a band too",
      "Date: 12 March 1987\nFrom: desk@example.com\nSubject: wire\n\nBody",
      "From: desk@example.com\nTo: a@example.com\n\nBody",
      "Message-ID: <1@x>\n\nBody",
      "X-Mailer: thing\nDate: Mon\n\nBody",
      "{\\rtf1\\ansi Hello}",
      "A story that mentions <div> in its text\nand goes on.",
      "Relay-Version: 1\nBody",
      "#! rnews 123\nBody"})
  void plainTextIsTextOnlyWhereTikaWouldNotReadItAsAnotherFormat(String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String quick = QuickType.of(bytes, true);
    if (quick != null) {
      assertEquals(QuickType.PLAIN, quick);
      String detected = tika(bytes, "story.txt");
      assertEquals(false, NOT_PLAIN_IN_TXT.contains(detected), content + " is " + detected + " to Tika");
    }
    assertNull(QuickType.of(bytes, false), "only a file named as text is taken for text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Date: 12 March 1987\nFrom: desk\n\nBody", "{\\rtf1 x}", "<p>x</p>", "X-Mailer: y\n\nz"})
  void leavesDoubtfulTextToTika(String content) {
    assertNull(QuickType.of(content.getBytes(StandardCharsets.UTF_8), true));
  }

  private static String tika(byte[] bytes, String name) throws IOException {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return TikaConfig.getDefaultConfig().getDetector().detect(in, md).getBaseType().toString();
    }
  }
}
