package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The passage score without a term hash is Lucene's, to the bit, for few matches and for many. */
class PassageScoresTest {
  @Test
  void scoresEveryPassageAsLuceneDoes() {
    Random r = new Random(17);
    PassageScorer lucene = new PassageScorer();
    PassageScores ours = new PassageScores();
    for (int round = 0; round < 2_000; round++) {
      Passage p = new Passage();
      int start = r.nextInt(5_000);
      p.setStartOffset(start);
      p.setEndOffset(start + 2_500); // a match lies inside the passage
      int matches = round % 50 == 0 ? 40 + r.nextInt(60) : r.nextInt(8);
      int at = start;
      String[] vocabulary = {"oil", "wheat", "price", "opec", "crude", "barrel"};
      for (int i = 0; i < matches; i++) {
        at += 1 + r.nextInt(20);
        String term = vocabulary[r.nextInt(vocabulary.length)];
        p.addMatch(at, at + term.length(), new BytesRef(term), 1 + term.length() % 3);
      }
      int contentLength = start + 2_500 + r.nextInt(3_000);
      assertEquals(Float.floatToIntBits(lucene.score(p, contentLength)), Float.floatToIntBits(ours.score(p, contentLength)),
          "passage " + round + ": " + p);
    }
  }
}
