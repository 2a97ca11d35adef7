package org.broadsheet.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.broadsheet.ingest.ArticleId;

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
    Set<String> foundContent = new HashSet<>(seen.values());
    Set<String> delete = new HashSet<>();
    for (Bookkeeping k : known.values()) {
      if (seen.containsKey(k.id()) || unreadable.stream().anyMatch(u -> ArticleId.isUnder(k.uri(), u))) {
        continue;
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
}
