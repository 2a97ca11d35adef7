package org.broadsheet.extract;

/**
 * A stretch of an article's text that a recogniser called an entity, before canonicalisation.
 *
 * @param type  what the recogniser thinks it is
 * @param start offset of the first character
 * @param end   offset one past the last character
 */
public record Span(EntityType type, int start, int end) {
  public String text(String articleText) {
    return articleText.substring(start, end);
  }
}
