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
  /** Tika's own detector, made once. */
  private static final org.apache.tika.detect.Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
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
      "#! rnews 123\nBody",
      "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT\n\nCLEVELAND, Feb 26 - Standard Oil Co and BP North America\n"
          + "Inc said they plan a venture. BP North America is a subsidiary of British Petroleum Co Plc <BP>.",
      "Prices <in cts>\n<tr> 12 <td> 15\n<b>Net</b> rose",
      "Story\n<title>x</title>",
      "Story\n<head><title>x</title></head>",
      "A long story " + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + " <html><body>x</body></html>",
      "A long story " + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + " <HTML xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></HTML>",
      "Story\nMessage-ID: <1@x>\n\nBody",
      "Story\nmessage-id: <1@x>\n\nBody"})
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
  @ValueSource(strings = {"Date: 12 March 1987\nFrom: desk\n\nBody", "{\\rtf1 x}", "<p>x</p>", "X-Mailer: y\n\nz",
      "Story\n<title>x</title>", "Notes " + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + " <html><body>x</body></html>",
      "Story\nMessage-ID: <1@x>\n\nBody"})
  void leavesDoubtfulTextToTika(String content) {
    assertNull(QuickType.of(content.getBytes(StandardCharsets.UTF_8), true));
  }

  /**
   * Wire copy with tickers, tables and stray markup at random places: whatever is taken for plain
   * text here is something Tika would not read as a page, a document or an e-mail.
   */
  @org.junit.jupiter.api.Test
  void angleBracketsInWireCopyAreTextOnlyWhereTikaAgrees() throws IOException {
    java.util.Random r = new java.util.Random(5);
    String[] pieces = {"Acme Corp <ACME> said", " profits rose", "\n", "Shr 12 cts vs 15 cts\n", " <BP>", " <tr><td>5</td>",
        " <body>", " <div>", "\nDate: Mon", " <p>", " < 5 pct", " x".repeat(40)};
    String[] markup = {" <html>", " <HTML>", " <title>", " <head>", " <!DOCTYPE html>", " <?xml version=\"1.0\"?>",
        "\nMessage-ID: <9@x>"};
    int plain = 0;
    for (int i = 0; i < 400; i++) {
      StringBuilder b = new StringBuilder("WIRE STORY " + i + "\n\n");
      int n = 1 + r.nextInt(30);
      for (int k = 0; k < n; k++) {
        b.append(r.nextInt(40) == 0 ? markup[r.nextInt(markup.length)] : pieces[r.nextInt(pieces.length)]);
      }
      byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
      if (QuickType.of(bytes, true) != null) {
        plain++;
        String detected = tika(bytes, "story.txt");
        assertEquals(false, NOT_PLAIN_IN_TXT.contains(detected), b + " is " + detected + " to Tika");
      }
    }
    assertEquals(true, plain > 200, "most wire copy is taken for text without Tika: " + plain + " of 400");
  }

  private static String tika(byte[] bytes, String name) throws IOException {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return DETECTOR.detect(in, md).getBaseType().toString();
    }
  }
}
