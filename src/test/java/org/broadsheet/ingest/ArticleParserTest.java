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
    return parser.parse(dir.resolve("good").resolve(name));
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
    assertEquals(DateSource.FILENAME, a.publishedFrom());
    assertEquals("en", a.language());
    assertEquals("text/plain; charset=UTF-8", a.contentType());
  }

  @Test
  void htmlMetadataAndNoBoilerplate() throws Exception {
    Article a = good("page.html");
    assertEquals("Jazz festival returns to the old town", a.title());
    assertEquals(Instant.parse("2023-07-01T09:30:00Z"), a.published());
    assertEquals(DateSource.METADATA, a.publishedFrom());
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
          () -> parser.parse(dir.resolve("bad").resolve(e.getKey())), e.getKey());
      assertEquals(e.getValue(), skip.kind(), e.getKey() + ": " + skip.getMessage());
      assertFalse(skip.getMessage().isBlank());
    }
  }

  @Test
  void tooLargeOnDiskIsSkippedBeforeReading() throws IOException {
    Path big = dir.resolve("big.txt");
    Files.write(big, new byte[2 << 20]);
    assertInstanceOf(SkippedFileException.TooLarge.class,
        assertThrows(SkippedFileException.class, () -> parser.parse(big)));
  }

  @Test
  void publishedDatesFromDatelineAndNeverFromTheFileTime() throws Exception {
    Path f = dir.resolve("dateline.txt");
    Files.writeString(f, "Talks resume\nGENEVA, March 3, 2021 (Example) - Talks resumed on Wednesday.\n");
    Article a = parser.parse(f);
    assertEquals(Instant.parse("2021-03-03T00:00:00Z"), a.published());
    assertEquals(DateSource.DATELINE, a.publishedFrom());
    assertEquals("Example", a.source());
    Path undated = dir.resolve("undated.txt");
    Files.writeString(undated, "No date here\nJust some text about a meeting that happened.\n");
    assertNull(parser.parse(undated).published());
    assertNull(parser.parse(undated).publishedFrom());
  }

  @Test
  void aDateInTheBodyIsNotThePublishedDate() throws Exception {
    Path obituary = dir.resolve("obituary.txt");
    Files.writeString(obituary, "Actor dies at 104\n\nThe actor, born on 5 April 1920 in Leeds, died on Sunday.\n"
        + "He first appeared on stage on 1 January 1935.\n");
    Article a = parser.parse(obituary);
    assertNull(a.published(), "not his birthday: " + a.published());
    assertNull(a.publishedFrom());
  }

  @Test
  void implausibleMetadataDatesAreNotPublished() throws Exception {
    Path page = dir.resolve("2021-07-10-far-future.html");
    Files.writeString(page, """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable</title>
        <meta property="article:published_time" content="+292278994-08-17T07:12:55Z">
        <meta name="date" content="0001-01-01">
        </head><body><p>The harbour council approved a new ferry timetable on Monday.</p></body></html>
        """);
    Article a = parser.parse(page);
    assertEquals(Instant.parse("2021-07-10T00:00:00Z"), a.published(), "indexed, dated by the next source");
    assertEquals(DateSource.FILENAME, a.publishedFrom());
  }

  @Test
  void textFilesAreArticlesWhateverTheirFirstWord() throws Exception {
    String body = " concerts blighted by illness\n\nThe band cancelled three concerts after the singer fell ill.\n";
    for (String first : new String[] {"REM", "#!", "<?php", "MZ", "%PDF-1.4", "GIF89a", "PK", "<?xml"}) {
      Path f = dir.resolve("first-word-" + Integer.toHexString(first.hashCode()) + ".txt");
      Files.writeString(f, first + body);
      Article a = parser.parse(f);
      assertEquals(first + body, a.text(), first);
      assertEquals("text/plain; charset=UTF-8", a.contentType(), first);
    }
    Path junk = dir.resolve("junk.txt");
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    Files.write(junk, noise);
    assertInstanceOf(SkippedFileException.NotAnArticle.class, assertThrows(SkippedFileException.class,
        () -> parser.parse(junk)), "binary junk named .txt is still refused");
  }

  @Test
  void utf8IsNotReadAsLatin1() throws Exception {
    Path text = dir.resolve("donation.txt");
    Files.writeString(text, "Club gives donation\n\nThe club gave a £2m donation to the harbour fund.\n");
    assertTrue(parser.parse(text).text().contains("a £2m donation"));
    String page = "<html><head>%s<title>Club gives £2m</title></head><body><p>The club gave a £2m donation "
        + "to the \u201charbour fund\u201d on Monday, officials said.</p></body></html>";
    Path undeclared = dir.resolve("undeclared.html");
    Files.writeString(undeclared, page.formatted(""));
    Path lying = dir.resolve("declared-latin1.html");
    Files.writeString(lying, page.formatted("<meta charset=\"iso-8859-1\">"));
    Path latin1 = dir.resolve("latin1.html");
    Files.writeString(latin1, page.formatted(""), java.nio.charset.Charset.forName("windows-1252"));
    for (Path p : new Path[] {undeclared, lying, latin1}) {
      Article a = parser.parse(p);
      assertEquals("Club gives £2m", a.title(), p.toString());
      assertTrue(a.text().contains("a £2m donation to the \u201charbour fund\u201d"), p + ": " + a.text());
    }
  }
}
