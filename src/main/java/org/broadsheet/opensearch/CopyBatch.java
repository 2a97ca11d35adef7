package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.index.CopyMark;

/**
 * Articles waiting for their group of copies on their way to the {@link BulkWriter}: they are
 * grouped {@link #SIZE} at a time ({@link ClusterCopyGroups#assign(List)}, one look-up in the cluster
 * for all of them, where one per article cost a round trip each), then written. Used by the
 * indexer's writing thread only; {@link #flush} before the writer's own flush, so that a commit
 * holds every article handed in.
 */
final class CopyBatch {
  /**
   * Articles grouped per look-up: one round trip instead of a hundred, and answers (ten candidates
   * each, with their title and body) of a megabyte or two for news articles.
   */
  static final int SIZE = 100;

  private final ClusterCopyGroups groups;
  private final BulkWriter writer;
  private final List<ObjectNode> documents = new ArrayList<>();
  private final List<ClusterCopyGroups.Arrival> arrivals = new ArrayList<>();

  CopyBatch(ClusterCopyGroups groups, BulkWriter writer) {
    this.groups = groups;
    this.writer = writer;
  }

  /**
   * Adds an article's document (all but its copies' fields, {@link ArticleDocument#copies}).
   *
   * @return true when the grouping asks for a refresh now (see {@link ClusterCopyGroups#written})
   */
  boolean add(ObjectNode document, ClusterCopyGroups.Arrival article) throws IOException {
    documents.add(document);
    arrivals.add(article);
    return documents.size() >= SIZE && flush();
  }

  /**
   * Groups and writes the articles waiting.
   *
   * @return true when the grouping asks for a refresh now
   */
  boolean flush() throws IOException {
    if (documents.isEmpty()) {
      return false;
    }
    List<CopyMark> marks = groups.assign(arrivals);
    boolean refresh = false;
    for (int i = 0; i < marks.size(); i++) {
      ArticleDocument.copies(documents.get(i), marks.get(i));
      String id = arrivals.get(i).id();
      writer.index(id, documents.get(i));
      refresh |= groups.written(id);
    }
    documents.clear();
    arrivals.clear();
    return refresh;
  }
}
