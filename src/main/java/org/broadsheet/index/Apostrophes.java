package org.broadsheet.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Typographic apostrophes (’ ‘ ʼ) written as the typewriter one ('), in each word as it comes from
 * the tokenizer, so the word delimiter drops a possessive however it was typed ("Hamas’" as "Hamas'").
 * One character for one: the offsets stay those of the text. What a {@code MappingCharFilter} before
 * a whitespace tokenizer does, without reading the text through it character by character.
 */
final class Apostrophes extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  Apostrophes(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    for (int i = 0, n = term.length(); i < n; i++) {
      char c = buffer[i];
      if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
        buffer[i] = '\'';
      }
    }
    return true;
  }
}
