package org.broadsheet.ingest;

import java.nio.file.Path;

/**
 * A file that was read but not indexed. One subclass per kind of skip, so that the
 * indexing loop can count them by kind and summarise them at the end.
 */
public abstract class SkippedFileException extends Exception {
  private final Path file;

  protected SkippedFileException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** A short name for the kind of skip, used in summaries: "empty", "corrupt", ... */
  public abstract String kind();

  /** The file has no bytes, or no text once parsed. */
  public static final class Empty extends SkippedFileException {
    public Empty(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "empty";
    }
  }

  /** Bigger than the configured limit, in bytes on disk or characters of text. */
  public static final class TooLarge extends SkippedFileException {
    public TooLarge(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "too large";
    }
  }

  /** Password-protected or encrypted. */
  public static final class Encrypted extends SkippedFileException {
    public Encrypted(Path file, String message, Throwable cause) {
      super(file, message, cause);
    }

    @Override
    public String kind() {
      return "encrypted";
    }
  }

  /** Not an article: an image, archive, executable or other type Broadsheet does not read. */
  public static final class NotAnArticle extends SkippedFileException {
    public NotAnArticle(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "not an article";
    }
  }

  /** The parser failed: a truncated, malformed or hostile file. */
  public static final class Corrupt extends SkippedFileException {
    public Corrupt(Path file, String message, Throwable cause) {
      super(file, message, cause);
    }

    @Override
    public String kind() {
      return "corrupt";
    }
  }

  /** Parsing took longer than the configured limit. */
  public static final class Timeout extends SkippedFileException {
    public Timeout(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "timeout";
    }
  }

  /** The file could not be read at all (permissions, vanished, I/O error). */
  public static final class Unreadable extends SkippedFileException {
    public Unreadable(Path file, String message, Throwable cause) {
      super(file, message, cause);
    }

    @Override
    public String kind() {
      return "unreadable";
    }
  }

  /**
   * A file built to expand far beyond its size: a compressed document (DOCX, ODT) whose parts
   * inflate past the bounds, or XML whose entities expand past the parser's limit.
   */
  public static final class Bomb extends SkippedFileException {
    public Bomb(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "bomb";
    }
  }

  /** Markup nested deeper than any article's: built to exhaust a parser's stack or time. */
  public static final class TooDeep extends SkippedFileException {
    public TooDeep(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "nested too deep";
    }
  }

  /** A symbolic link inside a root, not followed: what it leads to may lie outside the roots given. */
  public static final class Link extends SkippedFileException {
    public Link(Path file, String message) {
      super(file, message, null);
    }

    @Override
    public String kind() {
      return "symbolic link";
    }
  }
}
