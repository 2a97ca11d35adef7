package org.broadsheet.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * {@link KStemFilter}, remembering the stems of the words it has seen: news repeats its words, and
 * KStem tries its dictionary and rules again for every occurrence (it was half the time of the
 * body's analysis). The same output as KStemFilter, word for word: a stem depends on the word alone.
 * The words remembered are per thread, shared by every stream made on it, and forgotten all at once
 * when there are {@link #MAX_WORDS}; for indexing, where a few threads analyse a great deal.
 */
public final class CachedKStemFilter extends TokenFilter {
  /** Words remembered per thread, at most: a few megabytes. */
  static final int MAX_WORDS = 32_768;
  private static final char[] UNCHANGED = new char[0];
  private static final ThreadLocal<CharArrayMap<char[]>> STEMS =
      ThreadLocal.withInitial(() -> new CharArrayMap<>(4_096, false));

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  /** This thread's stems, taken when the stream is reset: the thread that reads it, whichever made it. */
  private CharArrayMap<char[]> stems;
  /** KStem over one word at a time, for the words not seen yet. */
  private final OneWord word = new OneWord();
  private final KStemFilter stemmer = new KStemFilter(word);
  private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

  public CachedKStemFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keyword.isKeyword()) {
      return true;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    char[] stem = stems.get(buffer, 0, length);
    if (stem == null) {
      stem = stem(buffer, length);
      if (stems.size() >= MAX_WORDS) {
        stems.clear();
      }
      stems.put(Arrays.copyOf(buffer, length), stem);
    }
    if (stem != UNCHANGED) {
      term.copyBuffer(stem, 0, stem.length);
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    stems = STEMS.get();
  }

  private char[] stem(char[] buffer, int length) throws IOException {
    word.set(buffer, length);
    stemmer.reset();
    stemmer.incrementToken();
    char[] out = stemmed.length() == length && Arrays.equals(stemmed.buffer(), 0, length, buffer, 0, length)
        ? UNCHANGED : Arrays.copyOf(stemmed.buffer(), stemmed.length());
    stemmer.end();
    return out;
  }

  /** A stream of one word, again and again. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] chars = new char[0];
    private int length;
    private boolean given;

    void set(char[] buffer, int len) {
      chars = Arrays.copyOf(buffer, len);
      length = len;
    }

    @Override
    public boolean incrementToken() {
      if (given) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(chars, 0, length);
      given = true;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      given = false;
    }
  }
}
