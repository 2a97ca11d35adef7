package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The remembered boundaries are the JDK sentence iterator's: asked in the order the highlighter
 * asks (forward through the text, with a jump back or far ahead now and then, and a new text now and then).
 */
class RememberedBreaksTest {
  private static final String[] PIECES = {"Oil rose.", " ", "  ", "\n", "\n\n", "Mr. Smith said so.", "U.S. output",
      " rose 5.6 pct. the firm said", "Really?", " no.", "\"He left.\"", " And more!", "Shr 12 cts vs 15 cts\n",
      "Net 1,234 vs 987", "(Reuters) - ", "WASHINGTON, June 18 -", "etc.", "e.g. this", "...", "é.", "Ça va. "};

  @Test
  void answersAsTheJdkIteratorDoes() {
    Random r = new Random(29);
    RememberedBreaks ours = new RememberedBreaks(BreakIterator.getSentenceInstance(Locale.ROOT));
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (int text = 0; text < 1_000; text++) {
      StringBuilder b = new StringBuilder();
      int pieces = 1 + r.nextInt(text % 10 == 0 ? 400 : 30);
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = b.toString();
      ours.setText(s);
      jdk.setText(s);
      int at = 0;
      for (int ask = 0; ask < 40 && s.length() > 0; ask++) {
        int step = r.nextInt(10) == 0 ? RememberedBreaks.FAR + r.nextInt(200) : r.nextInt(40); // now and then far on
        at = r.nextInt(8) == 0 ? r.nextInt(s.length()) : Math.min(s.length() - 1, at + step);
        String where = "text " + text + " at " + at + ": " + s;
        assertEquals(jdk.preceding(at + 1), ours.preceding(at + 1), "preceding " + where);
        assertEquals(jdk.current(), ours.current(), "current after preceding " + where);
        assertEquals(jdk.following(at), ours.following(at), "following " + where);
        assertEquals(jdk.current(), ours.current(), "current after following " + where);
      }
    }
  }
}
