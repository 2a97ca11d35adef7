package org.broadsheet.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of the passage's matched terms, boosted towards the start),
 * computed without the 32 KB term hash {@link PassageScorer#score} allocates for every passage:
 * a passage has a few matches, compared term by term. The same sum in the same order, so the
 * same snippets.
 */
final class PassageScores extends PassageScorer {
  /** Above this many matches in one passage, terms are told apart by a hash map instead. */
  private static final int SCAN = 32;

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    // Distinct terms in the order first matched, each with its count in the passage.
    int[] first = new int[matches];
    int[] inPassage = new int[matches];
    int distinct = 0;
    Map<BytesRef, Integer> seen = matches > SCAN ? new HashMap<>() : null;
    for (int i = 0; i < matches; i++) {
      int k = seen != null ? seen.getOrDefault(terms[i], -1) : indexOf(terms, first, distinct, terms[i]);
      if (k < 0) {
        k = distinct++;
        first[k] = i;
        if (seen != null) {
          seen.put(terms[i], k);
        }
      }
      inPassage[k]++;
    }
    double score = 0d;
    for (int k = 0; k < distinct; k++) {
      score += tf(inPassage[k], passage.getLength()) * weight(contentLength, freqsInDoc[first[k]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }

  private static int indexOf(BytesRef[] terms, int[] first, int distinct, BytesRef term) {
    for (int k = 0; k < distinct; k++) {
      if (terms[first[k]].bytesEquals(term)) {
        return k;
      }
    }
    return -1;
  }
}
