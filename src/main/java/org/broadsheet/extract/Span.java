package org.broadsheet.extract;

/**
 * A stretch of an article's text that a recogniser called an entity, before canonicalisation.
 *
 * @param type    what the recogniser thinks it is
 * @param start   offset of the first character
 * @param end     offset one past the last character
 * @param settled true when the type comes from the name's context in this article (a team in a
 *                results table), which the name alone must not overrule
 */
public record Span(EntityType type, int start, int end, boolean settled) {
  public Span(EntityType type, int start, int end) {
    this(type, start, end, false);
  }

  public String text(String articleText) {
    return articleText.substring(start, end);
  }
}
