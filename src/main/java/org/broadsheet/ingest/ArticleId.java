package org.broadsheet.ingest;

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

  /** The article id of the file with this {@link #uri}. */
  public static String ofUri(String uri) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, ID_HEX_DIGITS / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

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
