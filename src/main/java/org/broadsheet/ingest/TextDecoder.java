package org.broadsheet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Decodes the bytes of a text file in one well-defined order: a Unicode byte-order mark
 * decides; else bytes that are valid UTF-8 are UTF-8 (a file whose only non-ASCII characters
 * are a few "£" must not be guessed to be Latin-1); else ICU's detector guesses, once.
 * Binary bytes are refused rather than decoded into noise.
 */
final class TextDecoder {
  /** The decoded text (without its byte-order mark) and the charset it was read with. */
  record Decoded(String text, Charset charset) {
  }

  /** Bytes looked at to tell text from binary: enough for a verdict, bounded for a large file. */
  private static final int SAMPLE = 8192;
  /** Share of control characters above which the content is binary: 1 in 20 = 5 %. */
  private static final int BINARY_CONTROL_SHARE = 20;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {
  }

  /** The text of {@code bytes}, or null when they are binary, not text. */
  static Decoded decode(byte[] bytes) {
    Bom bom = Bom.of(bytes);
    Decoded decoded;
    if (bom != null) {
      decoded = new Decoded(new String(bytes, bom.length, bytes.length - bom.length, bom.charset), bom.charset);
    } else {
      // Checked on the bytes: a charset detector will find some 16-bit charset in which noise decodes to letters.
      if (controlBytes(bytes) * BINARY_CONTROL_SHARE > Math.min(bytes.length, SAMPLE)) {
        return null;
      }
      String utf8 = strictUtf8(bytes);
      decoded = utf8 != null ? new Decoded(utf8, StandardCharsets.UTF_8) : detected(bytes);
    }
    return looksBinary(decoded.text()) ? null : decoded;
  }

  /** What a scan of bytes for UTF-8 found. */
  enum Utf8Scan {
    /** Only ASCII bytes: every ASCII-based charset reads them alike. */
    ASCII,
    /** Valid UTF-8 with non-ASCII characters: UTF-8, whatever a document declares or a detector guesses. */
    UTF8,
    /** Not valid UTF-8. */
    NOT_UTF8
  }

  /** The charset a byte-order mark at the start of {@code in} names, or null. The stream is reset. */
  static Charset bom(InputStream in) throws IOException {
    in.mark(4);
    try {
      Bom bom = Bom.of(in.readNBytes(4));
      return bom == null ? null : bom.charset;
    } finally {
      in.reset();
    }
  }

  /**
   * Streams up to {@code maxBytes} of {@code in} through a strict UTF-8 decoder (a sequence cut
   * off by the bound is not an error). The stream is reset.
   */
  static Utf8Scan scanUtf8(InputStream in, int maxBytes) throws IOException {
    in.mark(maxBytes);
    try {
      return scan(in, maxBytes);
    } finally {
      in.reset();
    }
  }

  /** {@code bytes} decoded as UTF-8 when they are valid UTF-8 throughout, else null. */
  static String strictUtf8(byte[] bytes) {
    try {
      return strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static Utf8Scan scan(InputStream in, int maxBytes) throws IOException {
    CharsetDecoder decoder = strictDecoder();
    byte[] chunk = new byte[64 * 1024];
    ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8).flip();
    CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
    boolean nonAscii = false;
    for (long read = 0; ; ) {
      int want = (int) Math.min(chunk.length, maxBytes - read);
      int n = want == 0 ? -1 : in.read(chunk, 0, want);
      boolean streamEnded = n < 0 && want > 0;
      bytes.compact();
      for (int i = 0; i < n; i++) {
        nonAscii |= chunk[i] < 0;
      }
      if (n > 0) {
        bytes.put(chunk, 0, n);
        read += n;
      }
      bytes.flip();
      chars.clear();
      CoderResult r = decoder.decode(bytes, chars, streamEnded);
      if (r.isError() || streamEnded && decoder.flush(chars.clear()).isError()) {
        return Utf8Scan.NOT_UTF8;
      }
      if (n < 0) {
        return nonAscii ? Utf8Scan.UTF8 : Utf8Scan.ASCII;
      }
    }
  }

  /** ICU's best guess, made once and kept. */
  private static Decoded detected(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    CharsetMatch match = detector.detect();
    Charset charset = latin1AsWindows1252(match != null && Charset.isSupported(match.getName())
        ? Charset.forName(match.getName()) : null);
    return new Decoded(new String(bytes, charset), charset);
  }

  /**
   * {@code charset}, but ISO-8859-1 (and null, for bytes that are no Unicode) as windows-1252:
   * its superset, which is what text labelled Latin-1 really is (browsers do the same). Read as
   * ISO-8859-1, its curly quotes and dashes would become invisible control characters.
   */
  static Charset latin1AsWindows1252(Charset charset) {
    return charset == null || charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset;
  }

  /** A Unicode byte-order mark: the charset it names and its length in bytes. */
  private record Bom(Charset charset, int length) {
    static Bom of(byte[] b) {
      if (starts(b, 0xEF, 0xBB, 0xBF)) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
        return new Bom(Charset.forName("UTF-32BE"), 4);
      }
      if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
        return new Bom(Charset.forName("UTF-32LE"), 4);
      }
      if (starts(b, 0xFE, 0xFF)) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (starts(b, 0xFF, 0xFE)) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
      if (b.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if ((b[i] & 0xFF) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** Control bytes (other than tab, line feed, form feed, carriage return, escape) in the sample. */
  private static int controlBytes(byte[] bytes) {
    int n = 0;
    for (int i = 0, end = Math.min(bytes.length, SAMPLE); i < end; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        n++;
      }
    }
    return n;
  }

  /** Decoded text with many control characters is a binary file all the same (UTF-16 noise behind a BOM). */
  private static boolean looksBinary(String text) {
    int sample = Math.min(text.length(), SAMPLE);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return control * BINARY_CONTROL_SHARE > sample;
  }
}
