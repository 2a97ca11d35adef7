package org.broadsheet.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headline case. In a line written in capitals or with every word capitalised ("Magellan Corp Sets
 * Merger With Balzac", "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN") capitals say nothing, and the
 * recogniser reads "Sets Merger With" as part of a name. {@link #forRecognition} re-cases such lines
 * from the article itself: a word the body writes capitalised inside a sentence keeps the body's
 * spelling ("Shearer", "England"), a word the body writes in lower case is lower case ("named",
 * "captain"), and any other word is left as it is (lower-casing those cost four points of person F1
 * on CoNLL's development set: names in headlines the story spells otherwise). Only case changes, so the text keeps its length
 * and offsets. Linear in the text's length.
 */
final class Headlines {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’.-]{0,40}");

  /** A line is a headline when it has this many words at least, ... */
  static final int MIN_WORDS = 3;

  /** ... and at most this share of them start with a lower-case letter ("of", "in" in a title). */
  static final double MAX_LOWER_CASE_SHARE = 0.25;

  private Headlines() {
  }

  static String forRecognition(String text) {
    Map<String, String> capitalised = new HashMap<>();
    Set<String> lower = new HashSet<>();
    int lineStart = 0;
    int n = text.length();
    java.util.List<int[]> headlines = new java.util.ArrayList<>();
    while (lineStart < n) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      if (isHeadline(text, lineStart, lineEnd)) {
        headlines.add(new int[] {lineStart, lineEnd});
      } else {
        learn(text, lineStart, lineEnd, capitalised, lower);
      }
      lineStart = lineEnd + 1;
    }
    if (headlines.isEmpty()) {
      return text;
    }
    char[] out = text.toCharArray();
    for (int[] h : headlines) {
      Matcher w = WORD.matcher(text).region(h[0], h[1]);
      boolean first = true;
      while (w.find()) {
        String word = w.group();
        String k = word.toLowerCase(Locale.ROOT);
        String cased = capitalised.get(k);
        if (cased == null && lower.contains(k)) {
          cased = first ? Character.toUpperCase(k.charAt(0)) + k.substring(1) : k;
        }
        if (cased != null && cased.length() == word.length()) {
          cased.getChars(0, cased.length(), out, w.start());
        }
        first = false;
      }
    }
    return new String(out);
  }

  static boolean isHeadline(String text, int from, int to) {
    Matcher w = WORD.matcher(text).region(from, to);
    int words = 0;
    int lowerStart = 0;
    while (w.find()) {
      words++;
      if (Character.isLowerCase(w.group().charAt(0))) {
        lowerStart++;
      }
    }
    return words >= MIN_WORDS && lowerStart <= MAX_LOWER_CASE_SHARE * words;
  }

  /** Words of a body line: capitalised inside a sentence (after a lower-case word or a comma), or lower case. */
  private static void learn(String text, int from, int to, Map<String, String> capitalised, Set<String> lower) {
    Matcher w = WORD.matcher(text).region(from, to);
    boolean afterLowerWord = false;
    int prevEnd = from;
    while (w.find()) {
      String word = w.group();
      char c = word.charAt(0);
      String between = text.substring(prevEnd, w.start());
      boolean sentenceEnd = between.indexOf('.') >= 0 || between.indexOf('!') >= 0 || between.indexOf('?') >= 0
          || between.indexOf(':') >= 0 || between.indexOf('"') >= 0;
      // Inside a sentence: after a lower-case word, a comma, or a capitalised word inside a sentence ("said Alan Shearer").
      boolean midSentence = !sentenceEnd && (afterLowerWord || between.indexOf(',') >= 0);
      if (Character.isLowerCase(c)) {
        lower.add(word);
      } else if (midSentence && !CanonicalNames.isAllCaps(word)) {
        capitalised.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
      }
      afterLowerWord = Character.isLowerCase(c) || midSentence;
      prevEnd = w.end();
    }
  }
}
