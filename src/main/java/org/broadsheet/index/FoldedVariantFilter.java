package org.broadsheet.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Emits every token as written and, when ASCII folding changes it, also its folded form
 * at the same position. Unlike {@link ASCIIFoldingFilter} with {@code preserveOriginal},
 * the folded form carries a {@link BoostAttribute} below 1: Lucene's QueryBuilder turns
 * the pair into a weighted SynonymQuery, so a query for "Erdoğan" matches "Erdogan" too
 * but scores articles that spell it "Erdoğan" higher. At index time the boost is
 * ignored and both forms are simply indexed, so "Erdogan" finds "Erdoğan".
 */
public final class FoldedVariantFilter extends TokenFilter {
  private final float foldedBoost;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final BoostAttribute boost = addAttribute(BoostAttribute.class);
  private char[] folded = new char[64];
  private int foldedLength;
  private State pending;

  /** @param foldedBoost weight of the folded form relative to the form as written, in (0, 1] */
  public FoldedVariantFilter(TokenStream in, float foldedBoost) {
    super(in);
    if (!(foldedBoost > 0f && foldedBoost <= 1f)) {
      throw new IllegalArgumentException("foldedBoost must be in (0, 1]: " + foldedBoost);
    }
    this.foldedBoost = foldedBoost;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      pending = null;
      term.copyBuffer(folded, 0, foldedLength);
      posInc.setPositionIncrement(0);
      boost.setBoost(boost.getBoost() * foldedBoost);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (fold()) {
      pending = captureState();
    }
    return true;
  }

  /** Folds the current term into {@link #folded}; true when that changed it. */
  private boolean fold() {
    char[] buf = term.buffer();
    int len = term.length();
    boolean ascii = true;
    for (int i = 0; i < len && ascii; i++) {
      ascii = buf[i] < 0x80;
    }
    if (ascii) {
      return false;
    }
    // One char may fold to up to four (e.g. "⑽" to "(10)"), as ASCIIFoldingFilter assumes.
    if (folded.length < 4 * len) {
      folded = new char[ArrayUtil.oversize(4 * len, Character.BYTES)];
    }
    foldedLength = ASCIIFoldingFilter.foldToASCII(buf, 0, folded, 0, len);
    return !java.util.Arrays.equals(buf, 0, len, folded, 0, foldedLength);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
  }
}
