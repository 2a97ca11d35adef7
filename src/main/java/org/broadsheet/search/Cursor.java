package org.broadsheet.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of hits ends, for the next one ({@code after=}): the last hit's sort key. The key
 * ends on the article's {@code ORDER_KEY}, a hash of its id, not on a Lucene doc id, so a cursor
 * stays valid when the index changes between pages (hits added since may be missed, none is
 * repeated). Opaque to clients: URL-safe base64 of {@code sort:rank:scoreBits:orderKey}.
 *
 * @param rank     the sort's own value, smaller first: 0 for relevance, minus the published time for newest, the
 *                 published time for oldest (undated articles last: {@link Long#MAX_VALUE})
 * @param score    the relevance score, higher first
 * @param orderKey the tie-break, smaller first
 */
public record Cursor(long rank, float score, long orderKey) {

  /** Orders hits or groups as a request's sort does: rank, then score, then order key. */
  static int compare(long rankA, float scoreA, long keyA, long rankB, float scoreB, long keyB) {
    int c = Long.compare(rankA, rankB);
    if (c != 0) {
      return c;
    }
    c = Float.compare(scoreB, scoreA);
    return c != 0 ? c : Long.compare(keyA, keyB);
  }

  /** True when a hit with this key comes after the cursor. */
  public boolean before(long rank, float score, long orderKey) {
    return compare(this.rank, this.score, this.orderKey, rank, score, orderKey) < 0;
  }

  public String encode(SearchRequest.Sort sort) {
    String plain = sort.name().charAt(0) + ":" + rank + ":" + Integer.toHexString(Float.floatToIntBits(score)) + ":"
        + Long.toHexString(orderKey);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws BadQueryException when {@code s} is not a cursor of this sort */
  public static Cursor decode(String s, SearchRequest.Sort sort) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.US_ASCII).split(":", -1);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("'after' is not a cursor from a previous answer's 'next'");
    }
    if (parts.length != 4 || parts[0].length() != 1) {
      throw new BadQueryException("'after' is not a cursor from a previous answer's 'next'");
    }
    if (parts[0].charAt(0) != sort.name().charAt(0)) {
      throw new BadQueryException("'after' is a cursor of another sort order; page with the sort it was made with");
    }
    try {
      return new Cursor(Long.parseLong(parts[1]), Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16)),
          Long.parseUnsignedLong(parts[3], 16));
    } catch (NumberFormatException e) {
      throw new BadQueryException("'after' is not a cursor from a previous answer's 'next'");
    }
  }
}
