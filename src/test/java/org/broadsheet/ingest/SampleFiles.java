package org.broadsheet.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes small articles of every format Broadsheet reads, and bad files of every kind it
 * must skip. All written by us for the tests; each good one mentions a distinct word
 * ("format-word") so a test can find it by search.
 */
public final class SampleFiles {
  private SampleFiles() {
  }

  /** File name → the unique word its body contains. */
  public static final Map<String, String> GOOD = Map.ofEntries(
      Map.entry("2024-05-12-plain.txt", "marmalade"),
      Map.entry("page.html", "saxophone"),
      Map.entry("story.nitf.xml", "quinoa"),
      Map.entry("item.newsml.xml", "trombone"),
      Map.entry("report.pdf", "zeppelin"),
      Map.entry("memo.docx", "kangaroo"),
      Map.entry("note.odt", "xylophone"),
      Map.entry("letter.rtf", "walrus"),
      Map.entry("mail.eml", "pelican"));

  /** Bad file name → the kind of skip expected. */
  public static final Map<String, String> BAD = Map.of(
      "empty.txt", "empty",
      "broken.pdf", "corrupt",
      "locked.pdf", "encrypted",
      "picture.png", "not an article",
      "bomb.zip", "not an article",
      "huge.txt", "too large");

  public static void writeGood(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("2024-05-12-plain.txt"), """
        Harbour council approves new ferry timetable

        PORTSMOUTH — The harbour council on Sunday approved a new ferry timetable after a long debate.
        Councillor Jane Doe said the marmalade factory would benefit from earlier crossings.
        """);
    Files.writeString(dir.resolve("page.html"), """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Jazz festival returns to the old town</title>
        <meta property="article:published_time" content="2023-07-01T09:30:00Z">
        <meta name="author" content="Sam Writer">
        <meta property="og:site_name" content="The Daily Example">
        </head><body>
        <nav><a href="/">Home</a> <a href="/sport">Navigationlink Sport</a></nav>
        <article><h1>Jazz festival returns to the old town</h1>
        <p>The saxophone players gathered in the square on Saturday.</p>
        <p>Organisers expect ten thousand visitors.</p></article>
        <footer>Copyright footerword</footer>
        </body></html>
        """);
    Files.writeString(dir.resolve("story.nitf.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <nitf xml:lang="en">
          <head>
            <title>Grain prices rise</title>
            <docdata>
              <date.issue norm="20220315T120000Z"/>
              <doc.copyright holder="Example News Agency"/>
            </docdata>
          </head>
          <body>
            <body.head>
              <hedline><hl1>Grain prices rise on export fears</hl1></hedline>
              <byline>By Ana Reporter</byline>
            </body.head>
            <body.content>
              <p>Prices of quinoa and wheat rose sharply on Tuesday.</p>
              <p>Traders cited export restrictions.</p>
            </body.content>
          </body>
        </nitf>
        """);
    Files.writeString(dir.resolve("item.newsml.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:1" version="1" standard="NewsML-G2" xml:lang="en">
          <itemMeta>
            <itemClass qcode="ninat:text"/>
            <provider literal="Example Wire"/>
            <versionCreated>2021-11-02T08:00:00Z</versionCreated>
            <firstCreated>2021-11-01T07:45:00Z</firstCreated>
          </itemMeta>
          <contentMeta>
            <headline>Brass band wins national title</headline>
            <by>Lee Columnist</by>
            <creditline>Example Wire</creditline>
          </contentMeta>
          <contentSet>
            <inlineXML contenttype="application/xhtml+xml">
              <html xmlns="http://www.w3.org/1999/xhtml"><body>
                <p>The trombone section was praised by the judges.</p>
                <p>The band will tour next spring.</p>
              </body></html>
            </inlineXML>
          </contentSet>
        </newsItem>
        """);
    Files.write(dir.resolve("report.pdf"), pdf("Airship museum opens", "Pat Author",
        "The airship museum opened with a restored zeppelin gondola.", null));
    Files.write(dir.resolve("memo.docx"), docx("Wildlife park expands",
        "A second kangaroo enclosure opened at the wildlife park."));
    Files.write(dir.resolve("note.odt"), odt("Music school concert",
        "Pupils played the xylophone at the end-of-year concert."));
    Files.writeString(dir.resolve("letter.rtf"),
        "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}{\\info{\\title Zoo welcomes new arrival}}\\f0\\pard "
            + "Zoo welcomes new arrival\\par The walrus calf was born on Monday.\\par}");
    Files.writeString(dir.resolve("mail.eml"), """
        From: Desk Editor <desk@example.org>
        To: archive@example.org
        Subject: Coastal birds return early
        Date: Tue, 10 Sep 2019 14:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Birdwatchers counted a pelican colony on the estuary this week.
        """);
  }

  public static void writeBad(Path dir, int hugeChars) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + "garbage garbage \u0000\u0001 trailer << /Root 9 0 R >>\n%%EOF");
    Files.write(dir.resolve("locked.pdf"), pdf("Secret", "Nobody", "This text is locked away.", "owner-pw"));
    Files.write(dir.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
        0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xde});
    Files.write(dir.resolve("bomb.zip"), zipBomb());
    Files.writeString(dir.resolve("huge.txt"), "word ".repeat(hugeChars / 5 + 1));
  }

  static byte[] pdf(String title, String author, String text, String password) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText(title);
        cs.newLineAtOffset(0, -20);
        cs.showText(text);
        cs.endText();
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setAuthor(author);
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.clear();
      created.set(2020, Calendar.FEBRUARY, 3, 10, 0, 0);
      info.setCreationDate(created);
      if (password != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy(password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String title, String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(title);
      doc.createParagraph().createRun().setText(text);
      doc.getProperties().getCoreProperties().setTitle(title);
      doc.getProperties().getCoreProperties().setCreator("Kim Writer");
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] odt(String title, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mimetype);
      zip.closeEntry();
      put(zip, "META-INF/manifest.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
           <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
           <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
           <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
          </manifest:manifest>
          """);
      put(zip, "meta.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">
           <office:meta><dc:title>%s</dc:title><dc:creator>Robin Writer</dc:creator>
           <meta:creation-date>2018-06-05T11:00:00</meta:creation-date></office:meta>
          </office:document-meta>
          """.formatted(title));
      put(zip, "content.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
           <office:body><office:text><text:h>%s</text:h><text:p>%s</text:p></office:text></office:body>
          </office:document-content>
          """.formatted(title, text));
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** A zip whose one entry inflates from a few kilobytes to 64 MB of zeros. */
  static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

}
