package org.broadsheet.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists the files under the roots given. A root is read wherever it leads (the user named it);
 * inside a root, symbolic links are not followed unless {@code followLinks} is set, so nothing
 * outside the roots is read by accident (a link to {@code /etc/passwd} dropped into a corpus).
 * Hidden files and folders, and the folders in {@code excluded} (the index itself, when it lies
 * inside a corpus), are left out.
 */
public final class CorpusWalker {
  /** Deep enough for any real folder tree, and a bound on a hostile one. */
  private static final int MAX_DEPTH = 64;

  private CorpusWalker() {
  }

  /**
   * What a walk found.
   *
   * @param files        every file to index, once each, sorted by path
   * @param folders      the folder roots walked, real paths
   * @param missingRoots roots that do not exist (any more)
   * @param unreadable   {@link ArticleId#uri}s of files and folders that could not be listed or read:
   *                     their articles, if any, must be kept, not taken for deleted
   */
  public record Walk(List<SourceFile> files, List<Path> folders, List<Path> missingRoots, List<String> unreadable) {
  }

  /** Every regular file under each root (a root may itself be a file). */
  public static Walk walk(List<Path> roots, boolean followLinks, Set<Path> excluded,
                          Consumer<SkippedFileException> onSkip) throws IOException {
    Map<String, SourceFile> files = new LinkedHashMap<>();
    List<Path> folders = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Path given : roots) {
      Path abs = given.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        missing.add(abs);
        continue;
      }
      Path root = abs.toRealPath();
      if (Files.isRegularFile(root)) {
        add(files, SourceFile.of(root, root));
        continue;
      }
      folders.add(root);
      Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
      Files.walkFileTree(root, options, MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          boolean skip = hidden(dir) || excluded.contains(dir) || (followLinks && excluded.contains(dir.toRealPath()));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (hidden(file)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isRegularFile()) {
            // Through a followed link a file has another path: its identity is where it really is.
            // The attributes are the file's (the link's target's when links are followed).
            add(files, SourceFile.of(root, followLinks ? file.toRealPath() : file, attrs));
          } else if (attrs.isSymbolicLink()) {
            onSkip.accept(followLinks
                ? new SkippedFileException.Unreadable(file, "broken symbolic link", null)
                : new SkippedFileException.Link(file, "symbolic link not followed (--follow-links reads what links lead to)"));
          } else if (!attrs.isDirectory()) {
            onSkip.accept(new SkippedFileException.NotAnArticle(file, "not an article: not a regular file"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String why = e instanceof FileSystemLoopException ? "symbolic link loop" : "cannot read: " + e.getMessage();
          onSkip.accept(new SkippedFileException.Unreadable(file, why, e));
          if (!(e instanceof FileSystemLoopException)) {
            unreadable.add(ArticleId.uri(file));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    }
    List<SourceFile> sorted = new ArrayList<>(files.values());
    sorted.sort(Comparator.comparing(SourceFile::uri));
    return new Walk(sorted, folders, missing, unreadable);
  }

  /** The first root a file is found under keeps it: a file reached twice is one article. */
  private static void add(Map<String, SourceFile> files, SourceFile f) {
    files.putIfAbsent(f.id(), f);
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
