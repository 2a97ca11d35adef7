package org.broadsheet.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;

/**
 * A break iterator that remembers the boundaries it has walked through. The highlighter asks for
 * the sentence before and after each match, in the order of the text; the JDK's sentence iterator
 * answers each question by scanning back to a safe point and forward again, a sentence or two
 * each time. Here the first question is answered so, and the later ones by walking on from the
 * last boundary found ({@link BreakIterator#next()}), so the text between the first and the last
 * match is scanned once (unless matches are {@link #FAR} apart). The boundaries are the wrapped
 * iterator's.
 */
final class RememberedBreaks extends BreakIterator {
  /**
   * Characters past the run beyond which the wrapped iterator is asked afresh rather than walked
   * to: a match far down a long article costs a sentence or two, not every sentence before it.
   */
  static final int FAR = 1_000;

  private final BreakIterator in;
  /** Consecutive boundaries of {@code in}, ascending; {@code in} stands at the last one. */
  private int[] run = new int[32];
  private int count;
  /** True when {@code in} has no boundary after the run's last. */
  private boolean ended;
  /** The boundary last answered from the run, which {@link #current()} gives as the JDK's would. */
  private int at;

  RememberedBreaks(BreakIterator in) {
    this.in = in;
  }

  @Override
  public int preceding(int offset) {
    if (count == 0 || offset <= run[0] || offset - run[count - 1] > FAR) {
      return restart(in.preceding(offset));
    }
    while (!ended && run[count - 1] < offset) {
      walk();
    }
    // The last boundary before offset: run[0] < offset, so there is one.
    int i = Arrays.binarySearch(run, 0, count, offset);
    at = run[(i >= 0 ? i : -i - 1) - 1];
    return at;
  }

  @Override
  public int following(int offset) {
    if (count == 0 || offset < run[0] || offset - run[count - 1] > FAR) {
      return restart(in.following(offset));
    }
    while (!ended && run[count - 1] <= offset) {
      walk();
    }
    int i = Arrays.binarySearch(run, 0, count, offset);
    int next = i >= 0 ? i + 1 : -i - 1;
    at = next < count ? run[next] : run[count - 1];
    return next < count ? run[next] : DONE;
  }

  @Override
  public boolean isBoundary(int offset) {
    count = 0;
    return in.isBoundary(offset);
  }

  /** Starts a new run at {@code boundary}, where {@code in} now stands. */
  private int restart(int boundary) {
    count = 0;
    ended = false;
    if (boundary != DONE) {
      run[count++] = boundary;
      at = boundary;
    }
    return boundary;
  }

  private void walk() {
    int b = in.next();
    if (b == DONE) {
      ended = true;
      return;
    }
    if (count == run.length) {
      run = Arrays.copyOf(run, count * 2);
    }
    run[count++] = b;
  }

  // Anything else moves the wrapped iterator elsewhere: the run is forgotten.

  @Override
  public int first() {
    count = 0;
    return in.first();
  }

  @Override
  public int last() {
    count = 0;
    return in.last();
  }

  @Override
  public int next(int n) {
    count = 0;
    return in.next(n);
  }

  @Override
  public int next() {
    count = 0;
    return in.next();
  }

  @Override
  public int previous() {
    count = 0;
    return in.previous();
  }

  @Override
  public int current() {
    return count == 0 ? in.current() : at;
  }

  @Override
  public CharacterIterator getText() {
    return in.getText();
  }

  @Override
  public void setText(CharacterIterator text) {
    count = 0;
    in.setText(text);
  }

  @Override
  public void setText(String text) {
    count = 0;
    in.setText(text);
  }
}
