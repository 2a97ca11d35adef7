package org.broadsheet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * The charset of a document Tika parses (HTML, and an e-mail's text parts), in the order
 * {@link TextDecoder} reads plain text: a byte-order mark decides; then bytes that are valid
 * UTF-8 with non-ASCII characters are UTF-8; then the document's own declaration, unless it
 * declares UTF-8 and the bytes are not; then a statistical guess. Tika's default chain asks
 * statistics sooner and worse: it takes a UTF-8 page whose only non-ASCII characters are a few
 * "£" for ISO-8859-1 (making "Â£" of each), and an undeclared Latin-1 page with one "£" for
 * GB18030. Set in the {@code ParseContext}, where Tika's HTML parser looks for its detector first.
 */
final class Utf8FirstEncodingDetector implements EncodingDetector {
  private final EncodingDetector declared;
  private final EncodingDetector statistical;
  private final int maxBytes;

  /**
   * @param declared    reads the charset the document declares (Tika's HtmlEncodingDetector)
   * @param statistical guesses from the bytes (Tika's Icu4jEncodingDetector)
   * @param maxBytes    bytes read at most to check for UTF-8 (the largest file accepted: all of it)
   */
  Utf8FirstEncodingDetector(EncodingDetector declared, EncodingDetector statistical, int maxBytes) {
    this.declared = declared;
    this.statistical = statistical;
    this.maxBytes = maxBytes;
  }

  @Override
  public Charset detect(InputStream input, Metadata metadata) throws IOException {
    if (input == null || !input.markSupported()) {
      return null; // the parser's default (Tika's contract for a stream that cannot be looked into)
    }
    Charset bom = TextDecoder.bom(input);
    if (bom != null) {
      return bom;
    }
    TextDecoder.Utf8Scan scan = TextDecoder.scanUtf8(input, maxBytes);
    if (scan == TextDecoder.Utf8Scan.UTF8) {
      return StandardCharsets.UTF_8;
    }
    Charset said = declared.detect(input, metadata);
    if (said != null && !(said.equals(StandardCharsets.UTF_8) && scan == TextDecoder.Utf8Scan.NOT_UTF8)) {
      return TextDecoder.latin1AsWindows1252(said);
    }
    if (scan == TextDecoder.Utf8Scan.ASCII) {
      return StandardCharsets.UTF_8;
    }
    return TextDecoder.latin1AsWindows1252(statistical.detect(input, metadata));
  }
}
