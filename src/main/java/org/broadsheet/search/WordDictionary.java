package org.broadsheet.search;

/** Which words the archive holds: what {@link CompoundBridge} checks its guesses against. */
@FunctionalInterface
public interface WordDictionary {
  /** A dictionary without words, for parsing without an index: nothing is bridged. */
  WordDictionary EMPTY = (field, word) -> false;

  /**
   * @param field the field to look in, or null for any field a word without a field is looked for in
   * @param word  a word as the user typed it
   * @return true when the word occurs in the field
   */
  boolean contains(String field, String word);
}
