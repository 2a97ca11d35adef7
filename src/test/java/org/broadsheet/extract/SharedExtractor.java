package org.broadsheet.extract;

/**
 * The extractor for the whole test JVM: loading CoreNLP's models and the gazetteer takes
 * seconds, so every test class shares this one (initialised on first use, immutable after).
 */
final class SharedExtractor {
  private SharedExtractor() {
  }

  private static final class Holder {
    static final Gazetteer GAZETTEER = Gazetteer.loadDefault(new Countries());
    static final CoreNlpExtractor EXTRACTOR = new CoreNlpExtractor(GAZETTEER);
  }

  static CoreNlpExtractor extractor() {
    return Holder.EXTRACTOR;
  }

  static Gazetteer gazetteer() {
    return Holder.GAZETTEER;
  }
}
