package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleParserTest {
  @TempDir
  static Path dir;
  static ArticleParser parser;
  static final int HUGE = 50_000;

  @BeforeAll
  static void setUp() throws IOException {
    SampleFiles.writeGood(dir.resolve("good"));
    SampleFiles.writeBad(dir.resolve("bad"), HUGE);
    parser = new ArticleParser(new ParserLimits(1 << 20, HUGE, Duration.ofSeconds(30)));
  }

  @AfterAll
  static void tearDown() {
    parser.close();
  }

  private static Article good(String name) throws SkippedFileException {
    return parser.parse(dir.resolve("good"), dir.resolve("good").resolve(name));
  }

  @Test
  void everyFormatYieldsItsText() throws Exception {
    for (var e : SampleFiles.GOOD.entrySet()) {
      Article a = good(e.getKey());
      assertTrue(a.text().contains(e.getValue()), e.getKey() + " text lacks '" + e.getValue() + "': " + a.text());
      assertFalse(a.title().isBlank(), e.getKey() + " has no title");
      assertEquals(ArticleId.of(dir.resolve("good").resolve(e.getKey())), a.id());
      assertEquals(64, a.contentHash().length());
    }
  }

  @Test
  void plainTextIsUnchangedAndTitledByItsFirstLine() throws Exception {
    Article a = good("2024-05-12-plain.txt");
    assertEquals(Files.readString(dir.resolve("good/2024-05-12-plain.txt")), a.text());
    assertEquals("Harbour council approves new ferry timetable", a.title());
    assertEquals(Instant.parse("2024-05-12T00:00:00Z"), a.published(), "date from the file name");
    assertEquals("en", a.language());
    assertEquals("text/plain", a.contentType());
  }

  @Test
  void htmlMetadataAndNoBoilerplate() throws Exception {
    Article a = good("page.html");
    assertEquals("Jazz festival returns to the old town", a.title());
    assertEquals(Instant.parse("2023-07-01T09:30:00Z"), a.published());
    assertEquals("Sam Writer", a.byline());
    assertEquals("The Daily Example", a.source());
    assertEquals("en", a.language());
    assertFalse(a.text().contains("Navigationlink"), "navigation is not article text");
    assertFalse(a.text().contains("footerword"), "the footer is not article text");
  }

  @Test
  void nitfFields() throws Exception {
    Article a = good("story.nitf.xml");
    assertEquals("Grain prices rise on export fears", a.title());
    assertEquals(Instant.parse("2022-03-15T12:00:00Z"), a.published());
    assertEquals("Ana Reporter", a.byline());
    assertEquals("Example News Agency", a.source());
    assertFalse(a.text().contains("20220315"), "metadata is not body text");
  }

  @Test
  void newsMlFields() throws Exception {
    Article a = good("item.newsml.xml");
    assertEquals("Brass band wins national title", a.title());
    assertEquals(Instant.parse("2021-11-01T07:45:00Z"), a.published());
    assertEquals("Lee Columnist", a.byline());
    assertEquals("Example Wire", a.source());
  }

  @Test
  void officeAndPdfMetadata() throws Exception {
    Article pdf = good("report.pdf");
    assertEquals("Airship museum opens", pdf.title());
    assertEquals("Pat Author", pdf.byline());
    assertEquals(Instant.parse("2020-02-03T10:00:00Z"), pdf.published());
    Article docx = good("memo.docx");
    assertEquals("Wildlife park expands", docx.title());
    assertEquals("Kim Writer", docx.byline());
    Article odt = good("note.odt");
    assertEquals("Music school concert", odt.title());
    Article eml = good("mail.eml");
    assertEquals("Coastal birds return early", eml.title());
    assertEquals(Instant.parse("2019-09-10T14:00:00Z"), eml.published());
  }

  @Test
  void badFilesAreSkippedWithTheirKind() {
    for (var e : SampleFiles.BAD.entrySet()) {
      SkippedFileException skip = assertThrows(SkippedFileException.class,
          () -> parser.parse(dir.resolve("bad"), dir.resolve("bad").resolve(e.getKey())), e.getKey());
      assertEquals(e.getValue(), skip.kind(), e.getKey() + ": " + skip.getMessage());
      assertFalse(skip.getMessage().isBlank());
    }
  }

  @Test
  void tooLargeOnDiskIsSkippedBeforeReading() throws IOException {
    Path big = dir.resolve("big.txt");
    Files.write(big, new byte[2 << 20]);
    assertInstanceOf(SkippedFileException.TooLarge.class,
        assertThrows(SkippedFileException.class, () -> parser.parse(dir, big)));
  }

  @Test
  void publishedDatesFromDatelineAndNeverFromTheFileTime() throws Exception {
    Path f = dir.resolve("dateline.txt");
    Files.writeString(f, "Talks resume\nGENEVA, March 3, 2021 (Example) - Talks resumed on Wednesday.\n");
    Article a = parser.parse(dir, f);
    assertEquals(Instant.parse("2021-03-03T00:00:00Z"), a.published());
    assertEquals("Example", a.source());
    Path undated = dir.resolve("undated.txt");
    Files.writeString(undated, "No date here\nJust some text about a meeting that happened.\n");
    assertNull(parser.parse(dir, undated).published());
  }
}
