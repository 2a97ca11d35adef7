package org.broadsheet.reliability;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes hostile files, each small on disk (a few megabytes at most) but built to cost a
 * naive reader unbounded time, memory or stack: decompression bombs, entity expansion,
 * 100,000-level nesting, lying or broken PDFs, sparse giant files, bad encodings and
 * symbolic link loops. All generated here, deterministically.
 */
final class HostileFiles {
  /** Levels of nesting in the deep HTML and XML files. */
  static final int DEPTH = 100_000;

  private HostileFiles() {
  }

  /** A zip whose single entry inflates from a few hundred kilobytes to {@code inflatedBytes} of zeros. */
  static Path zipBomb(Path file, long inflatedBytes) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      writeRepeated(zip, (byte) 0, inflatedBytes);
      zip.closeEntry();
    }
    return file;
  }

  /** A DOCX (a zip) whose document.xml inflates to {@code inflatedBytes}: a bomb in an accepted article format. */
  static Path docxBomb(Path file, long inflatedBytes) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      zip.setLevel(9);
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml"
           ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="word/document.xml"
           Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
          </Relationships>""");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
          + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
          .getBytes(StandardCharsets.UTF_8));
      writeRepeated(zip, (byte) 'a', inflatedBytes);
      zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  /** A zip inside a zip, {@code levels} deep, with a text file at the bottom. */
  static Path nestedZip(Path file, int levels) throws IOException {
    byte[] inner = "An article at the bottom of the archives.\n".getBytes(StandardCharsets.UTF_8);
    String name = "story.txt";
    for (int i = 0; i < levels; i++) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(buf)) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(inner);
        zip.closeEntry();
      }
      inner = buf.toByteArray();
      name = "level" + i + ".zip";
    }
    Files.write(file, inner);
    return file;
  }

  /** The classic billion laughs DTD: ten levels of ten references, 10^9 "lol"s if expanded. */
  static String laughsDtd(String root) {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    return dtd.append("]>\n").toString();
  }

  static Path billionLaughsXml(Path file) throws IOException {
    return Files.writeString(file, "<?xml version=\"1.0\"?>\n" + laughsDtd("lolz") + "<lolz><p>&lol9;</p></lolz>\n");
  }

  static Path billionLaughsNitf(Path file) throws IOException {
    return Files.writeString(file, "<?xml version=\"1.0\"?>\n" + laughsDtd("nitf")
        + "<nitf><head><title>Laughs</title></head><body><body.head><hedline><hl1>Laughs</hl1></hedline></body.head>"
        + "<body.content><p>&lol9;</p></body.content></body></nitf>\n");
  }

  static Path billionLaughsHtml(Path file) throws IOException {
    return Files.writeString(file, laughsDtd("html")
        + "<html><head><title>Laughs</title></head><body><p>&lol9;</p></body></html>\n");
  }

  /** {@code depth} nested elements around one word, as HTML or XML. */
  static Path deeplyNested(Path file, String open, String close, String prefix, String suffix) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(prefix.getBytes(StandardCharsets.UTF_8));
      byte[] o = open.getBytes(StandardCharsets.UTF_8);
      byte[] c = close.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < DEPTH; i++) {
        out.write(o);
      }
      out.write("abyss".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < DEPTH; i++) {
        out.write(c);
      }
      out.write(suffix.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  static Path deepHtml(Path file) throws IOException {
    return deeplyNested(file, "<div>", "</div>", "<html><head><title>Deep</title></head><body>", "</body></html>");
  }

  /** Nested blockquotes: an element Tika passes through to the text handler, unlike div. */
  static Path deepQuotesHtml(Path file) throws IOException {
    return deeplyNested(file, "<blockquote>", "</blockquote>", "<html><head><title>Deep</title></head><body>",
        "</body></html>");
  }

  static Path deepXml(Path file) throws IOException {
    return deeplyNested(file, "<a>", "</a>", "<?xml version=\"1.0\"?><doc>", "</doc>");
  }

  static Path deepNitf(Path file) throws IOException {
    return deeplyNested(file, "<p>", "</p>", "<?xml version=\"1.0\"?><nitf><body><body.content>",
        "</body.content></body></nitf>");
  }

  /**
   * A short article followed by {@code repeats} times "{@code <html }" and never a "{@code >}":
   * about 600 KB for 100,000, on which a lazy "{@code <html[^>]*?}" regex is quadratic.
   */
  static Path unclosedHtmlTags(Path file, String word, int repeats) throws IOException {
    String article = "<html><head><title>Harbour " + word + "</title></head><body>"
        + "<p>The " + word + " was seen near the quay on Monday, the harbour master said.</p>";
    return Files.writeString(file, article + "<html ".repeat(repeats));
  }

  /** A sparse file one byte over {@code limit}: huge to a reader, nothing on disk. */
  static Path sparseHuge(Path file, long limit) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(limit + 1);
      f.seek(0);
      f.write("A very long log file\n".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** Plain text of {@code chars} ASCII characters: a small file whose text is over a small limit. */
  static Path longText(Path file, int chars) throws IOException {
    StringBuilder sb = new StringBuilder("A long text\n\n");
    while (sb.length() < chars) {
      sb.append("the harbour council met again and talked at length. ");
    }
    return Files.writeString(file, sb);
  }

  /** Bytes that are not UTF-8, nor any text: lone continuation bytes, overlongs, surrogates, NULs. */
  static Path invalidUtf8(Path file) throws IOException {
    Random random = new Random(11);
    byte[] b = new byte[16 * 1024];
    for (int i = 0; i < b.length; i++) {
      b[i] = switch (i % 4) {
        case 0 -> (byte) (0x80 + random.nextInt(0x40)); // lone continuation byte
        case 1 -> (byte) 0xC0;                          // overlong lead
        case 2 -> (byte) 0xED;                          // surrogate lead
        default -> (byte) random.nextInt(0x20);         // control characters
      };
    }
    return Files.write(file, b);
  }

  /** Readable English with a few invalid UTF-8 sequences in it: should be indexed, not skipped. */
  static Path mostlyUtf8(Path file, String word) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("Harbour news in a damaged file\n\nThe " + word + " was seen near the quay. ")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xE2, (byte) 0x82});
    out.writeBytes(" The council said the ferry would run again on Monday.\n".getBytes(StandardCharsets.UTF_8));
    return Files.write(file, out.toByteArray());
  }

  /** A folder symlinked to its parent, and a symlink to itself. */
  static void symlinkLoops(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.createSymbolicLink(dir.resolve("loop"), dir);
    Files.createSymbolicLink(dir.resolve("self.txt"), dir.resolve("self.txt"));
  }

  /** A PDF whose page tree claims {@code Integer.MAX_VALUE} pages but has one. */
  static Path pdfLyingPageCount(Path file) throws IOException {
    return pdf(file, "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>", "Lying page count");
  }

  /** A PDF whose page tree lists the same page {@code pages} times: a huge page count in a small file. */
  static Path pdfManyPages(Path file, int pages) throws IOException {
    StringBuilder kids = new StringBuilder();
    for (int i = 0; i < pages; i++) {
      kids.append("3 0 R ");
    }
    return pdf(file, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>", "Many pages");
  }

  /** A PDF whose cross-reference table points at the wrong offsets and whose startxref is garbage. */
  static Path pdfBrokenXref(Path file) throws IOException {
    pdf(file, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "Broken xref");
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    text = text.replaceAll("\\d{10} 00000 n", "9999999999 00000 n").replaceAll("startxref\\s+\\d+", "startxref\n123456789");
    return Files.writeString(file, text, StandardCharsets.ISO_8859_1);
  }

  /** A minimal PDF written by hand, with the given page tree as object 2 and one page of text as object 3. */
  private static Path pdf(Path file, String pagesObject, String text) throws IOException {
    String content = "BT /F1 12 Tf 72 720 Td (" + text + " in a hostile file) Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        pagesObject,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            + "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    long[] offsets = new long[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    long xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (long o : offsets) {
      pdf.append(String.format("%010d 00000 n \n", o));
    }
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return Files.writeString(file, pdf, StandardCharsets.ISO_8859_1);
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static void writeRepeated(OutputStream out, byte value, long count) throws IOException {
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, value);
    for (long left = count; left > 0; left -= block.length) {
      out.write(block, 0, (int) Math.min(block.length, left));
    }
  }
}
