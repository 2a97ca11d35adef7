package org.broadsheet.index;

/**
 * What the index keeps of an article's place among copies of one story: the group it joined
 * ({@link Fields#GROUP}), when this version was indexed ({@link Fields#INDEXED}: among copies
 * published at the same time, the first indexed leads the group) and its text's signature, whose
 * bands are indexed ({@link Fields#COPY_BAND}) so that later articles find it. The signature is
 * recomputed from the stored title and body ({@link MinHash#ofArticle}), so a document rebuilt from
 * stored values needs only the stored group and time: {@code new CopyMark(group, indexed, MinHash.ofArticle(title, body))}.
 */
public record CopyMark(String group, long indexed, MinHash signature) {
  /** An article in a group of its own, as a new story starts one. */
  public static CopyMark alone(String id, String contentHash, MinHash signature, long indexed) {
    return new CopyMark(newGroup(id, contentHash), indexed, signature);
  }

  /**
   * A new group's id: a digest of the article that starts it and of its content, so an article
   * that changes into another story starts a group that is not the one its old copies keep.
   */
  static String newGroup(String id, String contentHash) {
    return org.broadsheet.ingest.ArticleId.ofUri("group:" + id + ":" + (contentHash == null ? "" : contentHash));
  }
}
