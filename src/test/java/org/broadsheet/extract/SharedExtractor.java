package org.broadsheet.extract;

/**
 * The extractor for the whole test JVM: loading CoreNLP's models and the gazetteer takes
 * seconds, so every test that needs NER shares this one (through the facade:
 * {@code Broadsheet.open(..., SharedExtractor.extractor())}) (initialised on first use, immutable after).
 */
public final class SharedExtractor {
  private SharedExtractor() {
  }

  private static final class Holder {
    static final Gazetteer GAZETTEER = Gazetteer.loadDefault(new Countries());
    static final CoreNlpExtractor EXTRACTOR = new CoreNlpExtractor(GAZETTEER);
  }

  public static CoreNlpExtractor extractor() {
    return Holder.EXTRACTOR;
  }

  public static Gazetteer gazetteer() {
    return Holder.GAZETTEER;
  }
}
