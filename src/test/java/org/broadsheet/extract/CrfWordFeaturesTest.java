package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sequences.Clique;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.PaddedList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CrfWordFeatures} gives CoreNLP's features, string for string and in the same order, for every
 * clique of every token the CRF classifies; and it stands aside for flags it was not written for.
 */
class CrfWordFeaturesTest {
  private static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  /** Titles, repeated names (occurrence patterns), short words, numbers, hyphens, capitals, lower case. */
  private static final String TEXT = """
      Mr. Smith met Dr. Jones in Paris on Tuesday, and Smith said Jones would visit Paris again in 1987.
      NEW YORK, March 4 - General Motors Corp's third-quarter profit rose 12.5 pct to 1.2 billion dlrs.
      U.S. Treasury Secretary James Baker told the IMF that the U.S. economy grew.
      the talks in washington with the imf ended, prime minister edward seaga said.
      Ms. O'Neill of Hewlett-Packard Co. and Sir John of Rolls-Royce Plc met at the Élysée in São Paulo.
      FORD MOTOR CO          1,234     5,678
      It is up 3-4 pct, he said.
      """;

  private static CRFClassifier<CoreLabel> crf;
  private static FeatureFactory<CoreLabel> stock;

  @BeforeAll
  static void load() throws Exception {
    crf = CRFClassifier.getClassifier(MODEL);
    stock = crf.featureFactories.get(0);
  }

  @Test
  void everyCliqueOfEveryTokenHasCoreNlpsFeaturesInCoreNlpsOrder() {
    CrfWordFeatures<CoreLabel> compiled = CrfWordFeatures.replacing(stock);
    assertNotNull(compiled, "the model's flags are the ones it was written for");
    int[] compared = new int[1];
    List<String> differences = new ArrayList<>();
    List<FeatureFactory<CoreLabel>> original = crf.featureFactories;
    crf.featureFactories = new ArrayList<>(List.of(new FeatureFactory<CoreLabel>() {
      @Override
      public Collection<String> getCliqueFeatures(PaddedList<CoreLabel> info, int loc, Clique clique) {
        List<String> expected = new ArrayList<>(stock.getCliqueFeatures(info, loc, clique));
        List<String> actual = new ArrayList<>(compiled.getCliqueFeatures(info, loc, clique));
        compared[0]++;
        if (!expected.equals(actual)) {
          differences.add(info.get(loc).word() + " " + clique + ": " + expected + " vs " + actual);
        }
        return expected;
      }
    }));
    try {
      Properties p = new Properties();
      p.setProperty("annotators", "tokenize,ssplit");
      p.setProperty("ssplit.newlineIsSentenceBreak", "always");
      Annotation doc = new Annotation(TEXT);
      new StanfordCoreNLP(p).annotate(doc);
      for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
        crf.classify(sentence.get(CoreAnnotations.TokensAnnotation.class));
      }
    } finally {
      crf.featureFactories = original;
    }
    assertTrue(compared[0] > 200, "cliques compared: " + compared[0]);
    assertEquals(List.of(), differences);
  }

  @Test
  void itStandsAsideForFlagsItWasNotWrittenFor() throws Exception {
    assertFalse(CrfWordFeatures.fits(new SeqClassifierFlags()), "CoreNLP's defaults take other branches");
    NERFeatureFactory<CoreLabel> other = new NERFeatureFactory<>();
    SeqClassifierFlags flags = new SeqClassifierFlags();
    flags.useDistSim = false;
    other.init(flags);
    assertNull(CrfWordFeatures.replacing(other));
    assertTrue(CrfWordFeatures.fits(crf.flags));
    crf.flags.useLC = true; // one more branch of CoreNLP's method (lower-cased words)
    try {
      assertFalse(CrfWordFeatures.fits(crf.flags));
    } finally {
      crf.flags.useLC = false;
    }
  }
}
