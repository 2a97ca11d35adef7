package org.broadsheet.ingest;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An article's identity: the file it was read from, named by the {@code file:} URI of its real,
 * absolute path. The URI keeps a file name's bytes exactly (bytes that are not UTF-8 are
 * percent-encoded, where {@link Path#toString()} would turn them all into U+FFFD), so two files
 * never share an identity, and the same file has the same identity whichever root, file argument
 * or nested folder it is indexed through.
 *
 * <p>The id shown in the API and used in URLs is a digest of that URI: short, safe in a URL, and
 * without the server's folder names in it.
 */
public final class ArticleId {
  /** Hex digits of the SHA-256 of the URI: 64 bits, so a collision is unlikely below billions of files. */
  static final int ID_HEX_DIGITS = 16;

  private ArticleId() {
  }

  /** The identity of {@code file}: its absolute, normalised path as a {@code file:} URI. */
  public static String uri(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString();
  }

  /**
   * {@link #uri} of a path known to be a regular file, without asking the file system: the same
   * string {@code Path.toUri} makes (which looks the path up to see whether it is a folder, and
   * parses what it built; on a walk of ten thousand files that was a fifth of an unchanged
   * re-index). Paths with characters beyond ASCII go through {@code toUri}, whose bytes they are.
   */
  public static String fileUri(Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    StringBuilder uri = new StringBuilder(path.length() + 16).append("file://");
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c >= 0x80 || File.separatorChar != '/') {
        return uri(file);
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PATH_MARKS.indexOf(c) >= 0) {
        uri.append(c);
      } else {
        uri.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return uri.toString();
  }

  /** The characters besides letters and digits a file URI's path keeps as they are (java.net.URI's pchar, ';' and '/'). */
  private static final String PATH_MARKS = "-_.!~*'():@&=+$,;/";
  private static final String HEX = "0123456789ABCDEF";

  /** The article id of the file with this {@link #uri}. */
  public static String ofUri(String uri) {
    MessageDigest sha256 = SHA256.get();
    byte[] digest = sha256.digest(uri.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, ID_HEX_DIGITS / 2);
  }

  /** One digest per thread: looking one up by name on every file costs more than the digest of a path. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  });

  /** The article id of {@code file}. */
  public static String of(Path file) {
    return ofUri(uri(file));
  }

  /** The file a {@link #uri} names. */
  public static Path file(String uri) {
    return Path.of(URI.create(uri));
  }

  /** True when the file named by {@code uri} is {@code folderUri} itself or lies below it. */
  public static boolean isUnder(String uri, String folderUri) {
    String folder = folderUri.endsWith("/") ? folderUri : folderUri + "/";
    return uri.equals(folderUri) || uri.startsWith(folder);
  }

  /** True when {@code s} has the form of an id: checked before looking one up. */
  public static boolean looksLikeId(String s) {
    return s != null && s.length() == ID_HEX_DIGITS && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
