package org.broadsheet.search;

import java.util.List;
import org.broadsheet.extract.Mention;

/**
 * One article in full, for the article page: its text, entities with offsets, and related articles.
 * {@code publishedFrom} says where {@code published} came from: "metadata", "dateline" or "filename".
 *
 * @param bodyStart  offset in {@code text} where the story begins, after the headline and dateline it repeats
 * @param paragraphs the text's paragraphs ({@link Paragraphs}), in order; line breaks inside one are
 *                   the source's wrapping, shown as spaces
 */
public record ArticleView(String id, String path, String title, String published, String publishedFrom,
                          String byline, String source,
                          String language, String text, int bodyStart, List<Paragraph> paragraphs,
                          List<Mention> entities, List<String> people,
                          List<String> places, List<String> organizations, List<String> dates,
                          List<Related> related) {
  public record Related(String id, String title, String published) {
  }

  /** {@code text.substring(start, end)} is one paragraph; offsets are those of the entities. */
  public record Paragraph(int start, int end) {
  }
}
