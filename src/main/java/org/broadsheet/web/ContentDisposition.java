package org.broadsheet.web;

import java.nio.charset.StandardCharsets;

/**
 * A {@code Content-Disposition} header value with a file name (RFC 6266): a plain ASCII
 * {@code filename} for old clients and the exact name as {@code filename*} (RFC 8187, UTF-8,
 * percent-encoded), so no name can break out of the header or smuggle another parameter.
 */
final class ContentDisposition {
  /** RFC 8187 attr-char less the alphanumerics: what {@code filename*} keeps as it is. */
  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDisposition() {
  }

  /** @param type "attachment" or "inline" */
  static String of(String type, String fileName) {
    return type + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
  }

  /** The name with every character that is not printable ASCII, a quote or a backslash made '_'. */
  static String asciiFallback(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return out.toString();
  }

  private static String encode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
