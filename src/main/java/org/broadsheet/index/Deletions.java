package org.broadsheet.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.nio.file.NoSuchFileException;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.CorpusWalker;

/**
 * Which articles an indexing run removes. Indexing a path touches nothing outside it, with one
 * exception:
 * <ul>
 *   <li>an article under a folder that was walked (or a root that no longer exists) whose file was
 *       not found is gone, unless its file or folder could not be read this time;</li>
 *   <li>an article elsewhere whose file no longer exists, and whose content was found again under
 *       the paths indexed, has moved there (a renamed file or root): keeping it would show the
 *       article twice.</li>
 * </ul>
 * A file named alone covers only itself, so indexing one file never removes its neighbours.
 */
public final class Deletions {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Deletions.class);
  private Deletions() {
  }

  /**
   * @param known         what the index held before the run, by id
   * @param seen          id → content hash of every file found in this run (indexed or unchanged)
   * @param walkedFolders {@code file:} URIs of the folder roots walked and of the roots that are missing
   * @param unreadable    URIs of files and folders that could not be read in this run
   * @param isGone        whether the file a URI names no longer exists
   * @return the ids to delete
   */
  public static Set<String> of(Map<String, Bookkeeping> known, Map<String, String> seen,
                               Collection<String> walkedFolders, List<String> unreadable, Predicate<String> isGone) {
    Set<String> foundContent = null; // made on the first article not seen: an unchanged run needs none
    Set<String> delete = new HashSet<>();
    for (Bookkeeping k : known.values()) {
      if (seen.containsKey(k.id()) || unreadable.stream().anyMatch(u -> ArticleId.isUnder(k.uri(), u))) {
        continue;
      }
      if (foundContent == null) {
        foundContent = new HashSet<>(seen.values());
      }
      boolean walked = walkedFolders.stream().anyMatch(root -> ArticleId.isUnder(k.uri(), root));
      if (walked || (foundContent.contains(k.hash()) && isGone.test(k.uri()))) {
        delete.add(k.id());
      }
    }
    return delete;
  }

  /** Whether the file a URI names is certainly gone (not merely unreadable). */
  public static boolean fileGone(String uri) {
    Path file = ArticleId.file(uri);
    return Files.notExists(file);
  }

  /**
   * The folders whose vanished files leave the index: each folder root walked, and each root that
   * no longer exists but held articles. A missing path that never held any is a mistake (a typo),
   * reported before anything changes. The same for either engine.
   */
  public static List<String> walkedFolders(CorpusWalker.Walk walk, Map<String, Bookkeeping> known)
      throws NoSuchFileException {
    List<String> folders = new java.util.ArrayList<>();
    for (Path folder : walk.folders()) {
      folders.add(ArticleId.uri(folder));
    }
    for (Path missing : walk.missingRoots()) {
      String uri = ArticleId.uri(missing);
      if (known.values().stream().noneMatch(k -> ArticleId.isUnder(k.uri(), uri))) {
        throw new NoSuchFileException(missing.toString(), null, "no such file or folder");
      }
      LOG.warn("{} no longer exists: its articles leave the index", missing);
      folders.add(uri);
    }
    return folders;
  }
}
