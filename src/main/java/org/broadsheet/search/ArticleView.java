package org.broadsheet.search;

import java.util.List;
import org.broadsheet.extract.Mention;

/**
 * One article in full, for the article page: its text, entities with offsets, and related articles.
 * {@code publishedFrom} says where {@code published} came from: "metadata", "dateline" or "filename".
 */
public record ArticleView(String id, String path, String title, String published, String publishedFrom,
                          String byline, String source,
                          String language, String text, List<Mention> entities, List<String> people,
                          List<String> places, List<String> organizations, List<String> dates,
                          List<Related> related) {
  public record Related(String id, String title, String published) {
  }
}
