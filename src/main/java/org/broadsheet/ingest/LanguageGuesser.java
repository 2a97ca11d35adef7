package org.broadsheet.ingest;

import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;

/**
 * Guesses an article's language from its text with Optimaize, when the file does not say.
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

  private final ThreadLocal<LanguageDetector> detectors =
      ThreadLocal.withInitial(() -> new OptimaizeLangDetector().loadModels());

  /** ISO 639-1 code, or null when the text is too short or the guess uncertain. */
  String guess(String text) {
    if (text.length() < MIN_CHARS) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    LanguageResult r = detectors.get().detect(sample);
    return r.isReasonablyCertain() ? r.getLanguage() : null;
  }

  /** Loads the models now, if not yet loaded: see {@link TikaReader#load()} for why not on the parse thread. */
  void load() {
    detectors.get();
  }
}
