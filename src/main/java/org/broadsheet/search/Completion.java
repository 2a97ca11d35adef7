package org.broadsheet.search;

/**
 * One completion of what is typed in the search box.
 *
 * @param text  what to put in the box: an entity's name in the archive's spelling, or a word of the index
 * @param kind  "person", "place", "organization" or "term"
 * @param count how many articles name the entity, or use the word
 */
public record Completion(String text, String kind, long count) {
}
