package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the CRF reads of each sentence, and that it labels what CoreNLP alone labels. */
class RecogniserTest {
  private final Recogniser recogniser = SharedExtractor.extractor().recogniser();

  @Test
  void theModelsFeaturesAreReadFromTheTable() {
    assertTrue(recogniser.hasFeatureTables());
  }

  @Test
  void aLowerCaseTailPastTheLookAheadIsNotClassified() {
    String text = "Ford said on Tuesday that it would cut output at its plant because demand for small cars "
        + "had fallen sharply this year .";
    List<CoreLabel> tokens = tokens(text);
    int tuesday = indexOf(tokens, "Tuesday");
    assertEquals(tuesday + 1 + Recogniser.LOOK_AHEAD, recogniser.classifiedEnd(text, tokens));
  }

  @Test
  void theLookAheadCountsAHyphenatedWordOnceAndDoesNotCutIt() {
    String text = "Ford said its third-quarter profit-sharing payments would rise sharply over the next two years .";
    List<CoreLabel> tokens = tokens(text);
    // said, its, third-quarter, profit-sharing, payments, would: six tokens to the CRF, however the tokenizer splits them.
    assertEquals(indexOf(tokens, "rise"), recogniser.classifiedEnd(text, tokens));
    assertTrue(tokens.size() > 17 || tokens.stream().noneMatch(t -> t.word().equals("-")), "the tokenizer splits hyphens: " + tokens);
  }

  @Test
  void aSentenceWithNothingCapitalisedIsNotClassifiedAtAll() {
    String text = "prices fell by two percent in the week to friday , dealers said .";
    assertEquals(0, recogniser.classifiedEnd(text, tokens(text)));
  }

  @Test
  void aSentenceOpenedByACapitalisedArticleAloneIsNotClassified() {
    String text = "The company said it would cut output at its plant because demand had fallen .";
    assertEquals(0, recogniser.classifiedEnd(text, tokens(text)));
    String hague = "The Hague said it would cut output at its plant because demand had fallen .";
    assertEquals(1 + 1 + Recogniser.LOOK_AHEAD, recogniser.classifiedEnd(hague, tokens(hague)));
  }

  @Test
  void classifyingStartsTheLookAheadBeforeTheFirstCapitalisedWord() {
    String text = "demand for small cars had fallen sharply this year in most markets , the company told Reuters "
        + "in a statement .";
    List<CoreLabel> tokens = tokens(text);
    int reuters = indexOf(tokens, "Reuters");
    assertEquals(reuters - Recogniser.LOOK_AHEAD, recogniser.classifiedStart(text, tokens));
    assertEquals(Math.min(tokens.size(), reuters + 1 + Recogniser.LOOK_AHEAD), recogniser.classifiedEnd(text, tokens));
    List<String> labels = labels(recogniser.sentences(text).stream().flatMap(List::stream).toList());
    assertTrue(labels.contains("Reuters/ORGANIZATION"), labels.toString());
  }

  @Test
  void aLowerCaseCountryNameCountsAsCapitalised() {
    String text = "the loan is in taiwan dollars and is due in nineteen ninety-two , they said at the bank .";
    List<CoreLabel> tokens = tokens(text);
    assertEquals(indexOf(tokens, "taiwan") + 1 + Recogniser.LOOK_AHEAD, recogniser.classifiedEnd(text, tokens));
  }

  @Test
  void labelsAreCoreNlpsWhereEverySentenceIsClassified() {
    // Every sentence ends near a capitalised word, so all of it is classified: the labels must be
    // CoreNLP's own, feature table or not.
    String text = "Chancellor Helmut Kohl met President Mitterrand in Bonn on Monday.\n"
        + "Officials of Siemens AG and the Deutsche Bank said talks with Renault would go on in Paris.\n"
        + "Shares of General Motors Corp rose on the New York Stock Exchange, traders told Reuters.\n"
        + "The International Monetary Fund and Japan's finance ministry declined to comment to the Financial Times.";
    List<CoreLabel> tokens = new ArrayList<>();
    for (List<CoreLabel> sentence : recogniser.sentences(text)) {
      assertEquals(sentence.size(), recogniser.classifiedEnd(text, sentence));
      tokens.addAll(sentence);
    }
    List<String> actual = labels(tokens);
    assertEquals(labelsOfCoreNlpAlone(text), actual);
    assertTrue(actual.contains("Siemens/ORGANIZATION") && actual.contains("Bonn/LOCATION"), actual.toString());
  }

  @Test
  void aTextWrittenInLowerCaseIsClassifiedWhole() {
    String text = "the central bank of brazil said prices in sao paulo rose and that talks with the imf in "
        + "washington would continue next week .";
    assertEquals(labelsOfCoreNlpAlone(text), labels(tokens(text)));
  }

  /** "word/LABEL" of each token. */
  private static List<String> labels(List<CoreLabel> tokens) {
    return tokens.stream().map(t -> t.word() + "/" + t.ner()).toList();
  }

  /** The labels CoreNLP's own pipeline gives the text, every token classified. */
  private static List<String> labelsOfCoreNlpAlone(String text) {
    Annotation stock = new Annotation(text);
    new StanfordCoreNLP(CoreNlpExtractor.defaultProperties()).annotate(stock);
    return labels(stock.get(CoreAnnotations.TokensAnnotation.class));
  }

  private List<CoreLabel> tokens(String text) {
    List<List<CoreLabel>> sentences = recogniser.sentences(text);
    assertEquals(1, sentences.size());
    return sentences.get(0);
  }

  private static int indexOf(List<CoreLabel> tokens, String word) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).word().equals(word)) {
        return i;
      }
    }
    throw new AssertionError(word + " not among the tokens");
  }
}
