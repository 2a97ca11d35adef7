package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Remembered stems are KStem's, word for word, before and after the words remembered are forgotten. */
class CachedKStemFilterTest {
  private static final String[] WORDS = {"negotiations", "negotiation", "news", "new", "prices", "priced",
      "running", "ran", "companies", "company's", "banks", "banking", "said", "says", "children", "oil",
      "u.s.", "1,234", "ceasefire", "erdoğan", "studies", "studying", "cafés", "a", ""};

  private static List<String> terms(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term.toString());
    }
    ts.end();
    ts.close();
    return out;
  }

  private static TokenStream words(String text) {
    WhitespaceTokenizer t = new WhitespaceTokenizer();
    t.setReader(new java.io.StringReader(text));
    return t;
  }

  @Test
  void stemsAsKStemDoes() throws IOException {
    Random r = new Random(5);
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        // Known words again and again, and made-up ones, enough to fill the memory more than once.
        text.append(r.nextInt(3) == 0 ? WORDS[r.nextInt(WORDS.length)]
            : "w" + Integer.toString(r.nextInt(200_000), 36) + (r.nextBoolean() ? "ings" : "s")).append(' ');
      }
      String s = text.toString();
      assertEquals(terms(new KStemFilter(words(s))), terms(new CachedKStemFilter(words(s))), "round " + round);
    }
  }
}
