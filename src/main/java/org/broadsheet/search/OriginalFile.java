package org.broadsheet.search;

import java.nio.file.Path;
import java.util.Locale;

/**
 * An article's source file, as the server may hand it out: a regular file whose real path lies
 * under one of the index's roots ({@link OriginalFiles}).
 *
 * @param file        the file's real path, checked: open it without following links
 * @param contentType the media type detected when it was indexed, with its charset when it was read
 *                    as text with one; {@code application/octet-stream} when the index does not know
 */
public record OriginalFile(Path file, String contentType) {
  /** True for a page a browser renders: HTML or XHTML. */
  public boolean isHtml() {
    String base = baseType();
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  /** True for plain text. */
  public boolean isPlainText() {
    return baseType().equals("text/plain");
  }

  /** The file's own name, as it is on disk. */
  public String fileName() {
    return file.getFileName().toString();
  }

  private String baseType() {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
