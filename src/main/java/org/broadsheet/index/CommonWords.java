package org.broadsheet.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words whose positions make a phrase query slow: English function words and the commonest words
 * of news reporting, which stand in most articles and many times in each. Two neighbouring words are
 * indexed as a pair ({@link Fields#BODY_PAIRS}, {@link #paired}) when either is one of them: "of the",
 * "said the", "the market", "plans were". A phrase of two other words ("oil prices") is answered from
 * positions, which is cheap there: neither word stands in most articles or many times in each, and
 * positions are read only in articles holding both. So about two thirds of the pairs are written,
 * and the phrases that were slow without pairs are not.
 *
 * <p>The list is part of the schema ({@link Fields#SCHEMA_VERSION}): the index and the queries must
 * agree on which pairs were written. Held as the body's analysis gives the words (lower case,
 * stemmed), the form in which both sides look them up.
 */
public final class CommonWords {
  /** Written for Broadsheet: function words, then the words of reporting, numbers and time. */
  private static final String LIST = """
      a an the and or but nor so yet if then than that this these those there here
      which who whom whose what when where why how while whether as at by for from in into of off on onto
      out over to up down with within without about above across after against along among around
      before behind below between beyond during despite except inside near since through throughout
      toward towards under until upon via amid
      i me my we us our you your he him his she her it its they them their itself themselves himself herself
      be is am are was were been being have has had having do does did done will would shall should
      can could may might must not no
      all any both each every few many more most much other others some such only own same very
      also just even still now already again ever never too well back however though although because
      either neither per cent percent
      said says say saying told tell according added asked made make makes get got go going went
      take took taken see seen come came give gave given including expected
      new last first next second third former less least year years month months week weeks day days
      today yesterday time times
      monday tuesday wednesday thursday friday saturday sunday
      january february march april june july august september october november december
      one two three four five six seven eight nine ten hundred thousand million billion
      mr mrs ms people government president minister official officials country state company
      group police world
      """;

  private static final CharArraySet WORDS = analysed(LIST);

  private CommonWords() {
  }

  /** Whether the pair of these two terms (as the body's analysis gives them) is indexed: when either is a common word. */
  public static boolean paired(String first, String second) {
    return paired(WORDS.contains(first), WORDS.contains(second));
  }

  /** Whether two words are paired, given whether each is a common word ({@link #contains}). */
  static boolean paired(boolean firstCommon, boolean secondCommon) {
    return firstCommon || secondCommon;
  }

  /** Whether the term in {@code buffer[0, length)} is a common word. */
  static boolean contains(char[] buffer, int length) {
    return WORDS.contains(buffer, 0, length);
  }

  private static CharArraySet analysed(String list) {
    CharArraySet out = new CharArraySet(512, false);
    try (Analyzer analyzer = ArchiveAnalyzer.forQueries();
         TokenStream ts = analyzer.tokenStream(Fields.BODY, list)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CharArraySet.unmodifiableSet(out);
  }
}
