package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Bridges the compounds the analyzer cannot: a word that the archive knows as two words
 * ("ceasefire" → "cease fire") also matches that phrase, and two adjacent words that the
 * archive knows as one ("cease fire" → "ceasefire") also match that word. Only splits and
 * joins whose parts occur in the {@link WordDictionary} are offered, so this costs a few
 * dictionary lookups. (The hyphenated "cease-fire" needs none of this: the analyzer indexes
 * it as "cease", "fire" and "ceasefire".)
 */
final class CompoundBridge {
  /** Shortest part when splitting a compound: shorter parts ("a", "an") make false phrases. */
  static final int MIN_PART = 3;
  /** Splits offered per word: the first two places a word splits at cover real compounds. */
  static final int MAX_SPLITS = 2;
  /** Longest phrase given variants: long quotations are meant literally, and variants would multiply the work. */
  static final int MAX_PHRASE_WORDS = 8;
  /** Variants tried per phrase (once reached, the word being looked at still adds its own). */
  static final int MAX_VARIANTS = 4;

  private final WordDictionary words;

  CompoundBridge(WordDictionary words) {
    this.words = words;
  }

  /** A word split in two. */
  record Split(String left, String right) {
    /** The two parts as a phrase. */
    String phrase() {
      return left + " " + right;
    }
  }

  /** True for what may be bridged: two or more letters, nothing else. */
  static boolean isWord(String s) {
    return s.length() >= 2 && s.chars().allMatch(Character::isLetter);
  }

  /** Splits of a word into two parts that both occur in the field as words of their own (none are stop words). */
  List<Split> splits(String field, String word) {
    List<Split> out = new ArrayList<>();
    if (!isWord(word)) {
      return out;
    }
    for (int i = MIN_PART; i <= word.length() - MIN_PART && out.size() < MAX_SPLITS; i++) {
      String left = word.substring(0, i);
      String right = word.substring(i);
      if (!isStopWord(left) && !isStopWord(right) && words.contains(field, left) && words.contains(field, right)) {
        out.add(new Split(left, right));
      }
    }
    return out;
  }

  /** The one word two adjacent words make when the field knows it ("cease", "fire" → "ceasefire"), else null. */
  String join(String field, String first, String second) {
    return isWord(first) && isWord(second) && words.contains(field, first + second) ? first + second : null;
  }

  /**
   * The phrase with two adjacent words joined, or one word split, where the field knows the
   * result: "cease fire talks" → "ceasefire talks"; "ceasefire talks" → "cease fire talks".
   */
  List<String> phraseVariants(String field, String phrase) {
    String[] ws = phrase.strip().split("\\s+");
    List<String> variants = new ArrayList<>();
    if (ws.length > MAX_PHRASE_WORDS) {
      return variants;
    }
    for (int i = 0; i < ws.length && variants.size() < MAX_VARIANTS; i++) {
      String joined = i + 1 < ws.length ? join(field, ws[i], ws[i + 1]) : null;
      if (joined != null) {
        variants.add(replace(ws, i, i + 2, joined));
      }
      for (Split split : splits(field, ws[i])) {
        variants.add(replace(ws, i, i + 1, split.phrase()));
      }
    }
    return variants;
  }

  private static boolean isStopWord(String w) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.toLowerCase(Locale.ROOT));
  }

  private static String replace(String[] ws, int from, int to, String replacement) {
    List<String> out = new ArrayList<>(List.of(ws).subList(0, from));
    out.add(replacement);
    out.addAll(List.of(ws).subList(to, ws.length));
    return String.join(" ", out);
  }
}
