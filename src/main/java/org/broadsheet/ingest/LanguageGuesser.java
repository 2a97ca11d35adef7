package org.broadsheet.ingest;

import java.util.Locale;
import java.util.Set;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;

/**
 * Guesses an article's language from its text, when the file does not say: English news by its
 * commonest words ({@link #plainlyEnglish}), anything else with Optimaize.
 * The models are loaded on first use: a re-index that finds nothing changed never pays for
 * them. Thread-safe: each thread has its own Tika detector (which keeps the text it is given),
 * all of them over Optimaize's one immutable model, so indexing threads do not wait for each
 * other (one detector under a lock was a sixth of the CPU of ingesting plain-text wire stories,
 * and the second thread waited for it).
 */
final class LanguageGuesser {
  /** Shorter text says too little to guess from. */
  private static final int MIN_CHARS = 40;
  /** The start of the text is enough for a confident guess, and bounds the cost. */
  private static final int SAMPLE_CHARS = 2_000;

  /** Words enough to judge by, for {@link #plainlyEnglish}. */
  private static final int MIN_WORDS = 30;
  /** The share of {@link #ENGLISH} words above which a text is English. */
  private static final double ENGLISH_SHARE = 0.15;
  /**
   * Common English words that are not common words of other languages written in Latin letters
   * (no "a", "in", "is", "de", "die", "en", "on", "so").
   */
  private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "that", "for", "with", "said", "from",
      "his", "has", "have", "are", "were", "which", "would", "this", "its", "been", "they", "their", "will", "it",
      "by", "at", "as", "was", "he", "not", "but");

  private final ThreadLocal<LanguageDetector> detectors =
      ThreadLocal.withInitial(() -> new OptimaizeLangDetector().loadModels());

  /** ISO 639-1 code, or null when the text is too short or the guess uncertain. */
  String guess(String text) {
    if (text.length() < MIN_CHARS) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (plainlyEnglish(sample)) {
      return "en";
    }
    LanguageResult r = detectors.get().detect(sample);
    return r.isReasonablyCertain() ? r.getLanguage() : null;
  }

  /**
   * True for a text at least {@link #ENGLISH_SHARE} of whose words (of {@link #MIN_WORDS} or more)
   * are English words no other language writes often: English news says what it is in its
   * commonest words (a median of 25 % on Reuters; 0-7 % in French, German and Dutch news). Such a
   * text is English without Optimaize's sampling, which costs a quarter to most of a millisecond
   * per article and, on two cores, a sixth of ingesting plain-text wire stories.
   */
  static boolean plainlyEnglish(String sample) {
    int words = 0;
    int english = 0;
    int i = 0;
    int n = sample.length();
    while (i < n) {
      while (i < n && !Character.isLetter(sample.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(sample.charAt(i))) {
        i++;
      }
      if (i > start) {
        words++;
        if (i - start <= 5 && ENGLISH.contains(sample.substring(start, i).toLowerCase(Locale.ROOT))) {
          english++;
        }
      }
    }
    return words >= MIN_WORDS && english >= ENGLISH_SHARE * words;
  }

  /**
   * Loads Optimaize's model now, if not yet loaded (the first detector made loads it for all): see
   * {@link TikaReader#load()} for why not on the parse thread, whose own detector then costs nothing.
   */
  void load() {
    detectors.get();
  }
}
