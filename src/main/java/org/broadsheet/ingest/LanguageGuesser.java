package org.broadsheet.ingest;

import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;

/**
 * Guesses an article's language from its text with Optimaize, when the file does not say.
 * The models are loaded on first use: a re-index that finds nothing changed never pays for
 * them. Thread-safe.
 */
final class LanguageGuesser {
  /** Shorter text says too little to guess from. */
  private static final int MIN_CHARS = 40;
  /** The start of the text is enough for a confident guess, and bounds the cost. */
  private static final int SAMPLE_CHARS = 2_000;

  private volatile LanguageDetector loaded;

  /** ISO 639-1 code, or null when the text is too short or the guess uncertain. */
  String guess(String text) {
    if (text.length() < MIN_CHARS) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    LanguageDetector detector = detector();
    LanguageResult r;
    synchronized (detector) { // Tika's detector keeps the text it is given: one caller at a time
      r = detector.detect(sample);
    }
    return r.isReasonablyCertain() ? r.getLanguage() : null;
  }

  /** Loads the models now, if not yet loaded: see {@link TikaReader#load()} for why not on the parse thread. */
  void load() {
    detector();
  }

  private LanguageDetector detector() {
    LanguageDetector d = loaded;
    if (d == null) {
      synchronized (this) {
        d = loaded;
        if (d == null) {
          loaded = d = new OptimaizeLangDetector().loadModels();
        }
      }
    }
    return d;
  }
}
