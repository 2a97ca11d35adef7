package org.broadsheet.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The words of one text as its field was indexed (each word and its position increment), noted
 * while the field is analysed so that a second field can be made of them without analysing the text
 * again: the body's word pairs ({@link WordPairFilter}) from the body's words. One document's;
 * {@link #recording} must be consumed (the field written) before {@link #replay} is.
 */
final class RecordedWords {
  private char[] chars = new char[1024];
  private int[] ends = new int[128];
  private int[] increments = new int[128];
  private int count;

  /** {@code words}, unchanged, noting each word as it passes. */
  TokenStream recording(TokenStream words) {
    return new TokenFilter(words) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        add(term.buffer(), term.length(), posInc.getPositionIncrement());
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        count = 0;
      }
    };
  }

  private void add(char[] buffer, int length, int increment) {
    int start = count == 0 ? 0 : ends[count - 1];
    chars = ArrayUtil.grow(chars, start + length);
    System.arraycopy(buffer, 0, chars, start, length);
    ends = ArrayUtil.grow(ends, count + 1);
    increments = ArrayUtil.grow(increments, count + 1);
    ends[count] = start + length;
    increments[count] = increment;
    count++;
  }

  /** The words noted, with their position increments, as a stream of their own. */
  TokenStream replay() {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next >= count) {
          return false;
        }
        clearAttributes();
        int start = next == 0 ? 0 : ends[next - 1];
        term.copyBuffer(chars, start, ends[next] - start);
        posInc.setPositionIncrement(increments[next]);
        next++;
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
  }
}
