package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Strict UTF-8 first, Unicode by its byte-order mark, then one statistical guess; binary refused. */
class TextDecoderTest {
  private static final String TEXT = "Club gives £2m to café\n\nThe club gave a £2m donation on Monday, the council said.\n";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void utf8WithAFewNonAsciiCharactersIsUtf8() {
    TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8));
    assertEquals(TEXT, d.text());
    assertEquals(StandardCharsets.UTF_8, d.charset());
  }

  @Test
  void byteOrderMarksDecideAndAreNotText() {
    byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
    assertEquals(TEXT, TextDecoder.decode(utf8).text());
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(TEXT, TextDecoder.decode(le).text());
    assertEquals(StandardCharsets.UTF_16LE, TextDecoder.decode(le).charset());
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(TEXT, TextDecoder.decode(be).text());
  }

  @Test
  void latin1TextIsReadAsWindows1252() {
    String curly = "Harbour \u201cnews\u201d \u2013 £2m for Orléans\n\nThe council gave £2m to the café owners on Monday.\n";
    TextDecoder.Decoded d = TextDecoder.decode(curly.getBytes(Charset.forName("windows-1252")));
    assertEquals(curly, d.text());
    assertEquals(Charset.forName("windows-1252"), d.charset());
  }

  @Test
  void binaryIsNotText() {
    byte[] noise = new byte[4096];
    new Random(3).nextBytes(noise);
    assertNull(TextDecoder.decode(noise));
    byte[] noiseBehindABom = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[4096]);
    assertNull(TextDecoder.decode(noiseBehindABom), "NULs decoded as UTF-16 are still control characters");
  }

  @Test
  void scanningAStreamSaysAsciiUtf8OrNotAndResets() throws IOException {
    assertEquals(TextDecoder.Utf8Scan.ASCII, scan("plain words".getBytes(StandardCharsets.US_ASCII), 1 << 20));
    assertEquals(TextDecoder.Utf8Scan.UTF8, scan(TEXT.getBytes(StandardCharsets.UTF_8), 1 << 20));
    assertEquals(TextDecoder.Utf8Scan.NOT_UTF8, scan(TEXT.getBytes(StandardCharsets.ISO_8859_1), 1 << 20));
    byte[] cutAtEnd = Arrays.copyOf("£".getBytes(StandardCharsets.UTF_8), 1);
    assertEquals(TextDecoder.Utf8Scan.NOT_UTF8, scan(concat("abc ".getBytes(StandardCharsets.US_ASCII), cutAtEnd), 100),
        "a file that ends inside a character is not UTF-8");
    byte[] pound = "ab£".getBytes(StandardCharsets.UTF_8); // a, b, C2, A3
    assertEquals(TextDecoder.Utf8Scan.UTF8, scan(pound, 3), "a character cut by the bound is not an error");
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(pound));
    TextDecoder.scanUtf8(in, 1 << 20);
    assertEquals('a', in.read(), "the stream is reset");
  }

  private static TextDecoder.Utf8Scan scan(byte[] bytes, int max) throws IOException {
    return TextDecoder.scanUtf8(new BufferedInputStream(new ByteArrayInputStream(bytes)), max);
  }
}
