package org.broadsheet.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces a stream of words by the pairs of words at neighbouring positions that
 * {@link CommonWords#paired} names, each as one term "first second" ({@link #SEPARATOR} between
 * them): for every position p, every word at p (each time it is there) is paired once with each
 * distinct word at p + 1. That is exactly what an exact
 * two-word {@link org.apache.lucene.search.PhraseQuery} counts over the same positions, so the
 * pair's frequency in a document is the phrase's frequency there, stacked words (folded spellings,
 * catenated parts) included. Positions further apart than one (none in Broadsheet's analysis) give
 * no pair.
 */
public final class WordPairFilter extends TokenFilter {
  /** Between the two words of a pair: the body's words never hold one, being split on white space. */
  public static final char SEPARATOR = ' ';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

  /** The words at {@link #position}, the position being read. */
  private List<Word> words = new ArrayList<>();
  /** The words at {@link #positionBefore}. */
  private List<Word> wordsBefore = new ArrayList<>();
  private int position;
  private int positionBefore;
  /** The pairs being given out: each of firsts (as often as it stands there) with each of seconds. */
  private List<Word> firsts = new ArrayList<>();
  private final List<Word> seconds = new ArrayList<>();
  private int i;
  private int j;
  private boolean exhausted;

  /** A word as read, and whether it is a common word ({@link CommonWords}). */
  private record Word(String text, boolean common) {
  }

  public WordPairFilter(TokenStream in) {
    super(in);
    clearState();
  }

  /** The term a phrase of {@code first} then {@code second} (each as analysed) is indexed as. */
  public static String pair(String first, String second) {
    return first + SEPARATOR + second;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (true) {
      while (i >= firsts.size()) {
        if (exhausted) {
          return false;
        }
        if (input.incrementToken()) {
          int inc = posInc.getPositionIncrement();
          if (inc > 0 && !words.isEmpty()) {
            positionRead();
          }
          position += inc;
          words.add(new Word(term.toString(), CommonWords.contains(term.buffer(), term.length())));
        } else {
          exhausted = true;
          positionRead();
        }
      }
      Word first = firsts.get(i);
      Word second = seconds.get(j);
      if (++j == seconds.size()) {
        j = 0;
        i++;
      }
      if (CommonWords.paired(first.common(), second.common())) { // each word looked up once, as it was read
        clearAttributes(); // each pair one position on, with no offsets
        term.setEmpty().append(first.text()).append(SEPARATOR).append(second.text());
        return true;
      }
    }
  }

  /**
   * Every word at {@link #position} has been read: sets out its pairs with the position before (when
   * that is its neighbour), and makes it the position before. Called only once the last pairs are out.
   */
  private void positionRead() {
    boolean neighbours = position == positionBefore + 1;
    List<Word> free = firsts;
    firsts = wordsBefore;
    wordsBefore = words;
    words = free;
    words.clear();
    positionBefore = position;
    seconds.clear();
    for (Word w : wordsBefore) {
      if (!seconds.contains(w)) {
        seconds.add(w);
      }
    }
    i = neighbours ? 0 : firsts.size();
    j = 0;
  }

  private void clearState() {
    words.clear();
    wordsBefore.clear();
    firsts.clear();
    seconds.clear();
    position = -1;
    positionBefore = Integer.MIN_VALUE / 2;
    i = 0;
    j = 0;
    exhausted = false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    clearState();
  }
}
