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
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists the files under the indexed roots. Symbolic links are followed (a corpus may be
 * assembled from links) with loop detection; hidden files and folders are left out.
 */
public final class CorpusWalker {
  /** Deep enough for any real folder tree, and a bound on a hostile one. */
  private static final int MAX_DEPTH = 64;

  private CorpusWalker() {
  }

  /** Every regular file under each root (a root may itself be a file), sorted by path. */
  public static List<SourceFile> walk(List<Path> roots, Consumer<SkippedFileException> onSkip) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (Path root : roots) {
      Path r = root.toAbsolutePath().normalize();
      if (!Files.exists(r)) {
        throw new java.nio.file.NoSuchFileException(r.toString(), null, "no such file or folder");
      }
      if (Files.isRegularFile(r)) {
        files.add(SourceFile.of(r.getParent(), r));
        continue;
      }
      Files.walkFileTree(r, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(r) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !hidden(file)) {
            files.add(SourceFile.of(r, file));
          } else if (attrs.isSymbolicLink() && !hidden(file)) {
            // Following links, the walker only shows a link itself when it leads nowhere.
            onSkip.accept(new SkippedFileException.Unreadable(file, "broken or looping symbolic link", null));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String why = e instanceof FileSystemLoopException ? "symbolic link loop" : "cannot read: " + e.getMessage();
          onSkip.accept(new SkippedFileException.Unreadable(file, why, e));
          return FileVisitResult.CONTINUE;
        }
      });
    }
    files.sort(java.util.Comparator.comparing(f -> f.file().toString()));
    return files;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
