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

  /** The first term {@code analyzer} makes of {@code word} in {@code field} (what the index holds of it), or null. */
  static String firstToken(org.apache.lucene.analysis.Analyzer analyzer, String field, String word)
      throws java.io.IOException {
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(field, word)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      String first = ts.incrementToken() ? term.toString() : null;
      while (ts.incrementToken()) {
        // drain, as the TokenStream contract requires before end()
      }
      ts.end();
      return first;
    }
  }
}
