package org.broadsheet.extract;

import edu.stanford.nlp.ie.ClassifierCombiner;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Index;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * CoreNLP's tokenizer over the whole text, and its CRF over the part of each sentence that can
 * name something: from {@link #LOOK_AHEAD} tokens before its first capitalised word (or lower-case
 * country name) to as many past its last, a hyphenated word counted once as the CRF reads it. A
 * capitalised article, pronoun or preposition opening the sentence does not count ({@link #OPENERS}).
 * A sentence with none of these is not classified at all.
 *
 * <p>Much of wire copy is runs of lower-case words at the ends and starts of sentences ("..., the
 * company said in a statement."), where the CRF trained on CoNLL's mixed case finds nothing. The
 * CRF's features look four tokens either way ({@code disjunctionWidth}), so every token from the
 * first capitalised word to the last keeps the features it has in the whole sentence; the two more
 * tokens each side are margin for the label sequence. Measured on 1,000 Reuters articles (scratch
 * Agree.java, CoreNLP alone against this): 43 % of 166,808 tokens not classified (37 % with the end
 * cut alone), and the labels differ in 13 tokens, all of them lower-case words in sentences with
 * nothing capitalised near them ("the lima stock exchange", "divisor"); CoNLL-2003 testa F1 is
 * unchanged (PER 0.958, LOC 0.953, ORG 0.889).
 *
 * <p>The CRF finds its features in a {@link FeatureTable} rather than in the model's own map, its
 * word function's answers are remembered ({@link RememberedWords}), and a word's features are made by
 * {@link CrfWordFeatures}: the same labels, faster.
 *
 * <p>Thread-safe, as CoreNLP's annotators are. Tokens left unclassified are labelled {@code O}.
 */
final class Recogniser {

  /** Tokens classified past the last word that can be a name: the CRF's look-ahead (4) and two more. */
  static final int LOOK_AHEAD = 6;

  private final StanfordCoreNLP tokenizer;
  private final NERCombinerAnnotator crf;
  private final boolean featureTables;
  private final Countries countries;

  /**
   * @param properties CoreNLP properties with {@code tokenize,ssplit,ner}: split into the tokenizer and the CRF
   * @param countries  country names, which are candidates in lower case too
   */
  Recogniser(Properties properties, Countries countries) {
    Properties tokenize = (Properties) properties.clone();
    tokenize.setProperty("annotators", "tokenize,ssplit");
    this.tokenizer = new StanfordCoreNLP(tokenize);
    try {
      this.crf = new NERCombinerAnnotator(properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.featureTables = installFeatureTables(crf);
    this.countries = countries;
  }

  /** The sentences of {@code text}, each a list of tokens labelled with their entity class or {@code O}. */
  List<List<CoreLabel>> sentences(String text) {
    Annotation doc = new Annotation(text);
    tokenizer.annotate(doc);
    List<List<CoreLabel>> sentences = new ArrayList<>();
    List<CoreMap> toClassify = new ArrayList<>();
    boolean lowerCase = writtenInLowerCase(text, doc.get(CoreAnnotations.TokensAnnotation.class));
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      sentences.add(tokens);
      for (CoreLabel t : tokens) {
        t.setNER("O");
      }
      int end = lowerCase ? tokens.size() : classifiedEnd(text, tokens);
      int start = lowerCase || end == 0 ? 0 : classifiedStart(text, tokens);
      if (end == tokens.size() && start == 0) {
        toClassify.add(sentence);
      } else if (end > 0) {
        ArrayCoreMap prefix = new ArrayCoreMap(sentence);
        prefix.set(CoreAnnotations.TokensAnnotation.class, new ArrayList<>(tokens.subList(start, end)));
        toClassify.add(prefix);
      }
    }
    if (!toClassify.isEmpty()) {
      Annotation part = new Annotation(text);
      part.set(CoreAnnotations.TokensAnnotation.class, doc.get(CoreAnnotations.TokensAnnotation.class));
      part.set(CoreAnnotations.SentencesAnnotation.class, toClassify);
      crf.annotate(part); // labels the same CoreLabel objects
    }
    return sentences;
  }

  /**
   * A text written in lower case (under one word in {@link #LOWER_CASE_TEXT} capitalised) has its
   * names in lower case too: all of it is classified, as the CRF alone would ("talks with the imf in
   * washington").
   */
  private static boolean writtenInLowerCase(String text, List<CoreLabel> tokens) {
    int words = 0;
    int capitalised = 0;
    for (CoreLabel t : tokens) {
      char c = text.charAt(t.beginPosition());
      if (Character.isLetter(c)) {
        words++;
        if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
          capitalised++;
        }
      }
    }
    return words > 0 && capitalised * LOWER_CASE_TEXT < words;
  }

  /** See {@link #writtenInLowerCase}: news in mixed case capitalises one word in four to eight. */
  static final int LOWER_CASE_TEXT = 50;

  /**
   * True when every CRF reads its features from a {@link FeatureTable} and makes a word's with
   * {@link CrfWordFeatures} (false: CoreNLP's own maps and methods, the same labels, slower).
   */
  boolean hasFeatureTables() {
    return featureTables;
  }

  /**
   * Gives each CRF of the annotator a {@link FeatureTable} over its feature index, its word
   * function a memory ({@link RememberedWords}), and its word features a method the JIT compiles
   * ({@link CrfWordFeatures}). CoreNLP keeps
   * the index in fields it does not expose, so they are reached by reflection; if a later CoreNLP
   * renames them, the CRF keeps its own index and only speed is lost.
   */
  private static boolean installFeatureTables(NERCombinerAnnotator annotator) {
    try {
      Object combiner = field(NERCombinerAnnotator.class, "ner").get(annotator);
      List<?> classifiers = (List<?>) field(ClassifierCombiner.class, "baseClassifiers").get(combiner);
      Field index = field(CRFClassifier.class, "featureIndex");
      boolean all = !classifiers.isEmpty();
      for (Object c : classifiers) {
        if (!(c instanceof CRFClassifier<?> crf)) {
          all = false;
          continue;
        }
        crf.flags.wordFunction = RememberedWords.of(crf.flags.wordFunction); // a public field
        @SuppressWarnings("unchecked")
        CRFClassifier<CoreLabel> labels = (CRFClassifier<CoreLabel>) crf; // the annotator classifies CoreLabels
        all &= compiledWordFeatures(labels);
        @SuppressWarnings("unchecked")
        Index<String> features = (Index<String>) index.get(crf);
        FeatureTable table = features instanceof FeatureTable t ? t : FeatureTable.of(features);
        if (table == null) {
          all = false;
        } else {
          index.set(crf, table);
        }
      }
      return all;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Puts {@link CrfWordFeatures} in place of the CRF's feature factories where they fit; false where one does not. */
  private static <IN extends CoreLabel> boolean compiledWordFeatures(CRFClassifier<IN> crf) {
    boolean all = !crf.featureFactories.isEmpty();
    List<FeatureFactory<IN>> factories = new ArrayList<>(crf.featureFactories);
    for (int i = 0; i < factories.size(); i++) {
      CrfWordFeatures<IN> compiled = CrfWordFeatures.replacing(factories.get(i));
      if (compiled == null) {
        all = false;
      } else {
        factories.set(i, compiled);
      }
    }
    crf.featureFactories = factories; // a public field
    return all;
  }

  private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    Field f = owner.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  /**
   * Words that open sentences capitalised and are never names by themselves (articles, pronouns,
   * prepositions, conjunctions): a sentence whose only capitalised word is one of them opening it
   * ("The company said it would cut output.") has nothing for the CRF. Names that begin with one
   * ("The Hague") have a capitalised word after it, which counts.
   */
  private static final Set<String> OPENERS = Set.of("the", "a", "an", "it", "its", "in", "on", "at", "for", "by",
      "with", "from", "to", "of", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "this", "that",
      "these", "those", "there", "but", "and", "or", "if", "as", "so", "while", "when", "after", "before", "since",
      "under", "also");

  /**
   * The first token to classify: {@link #LOOK_AHEAD} tokens, as the CRF counts them, before the
   * first that can be a name (the CRF reads four words either side, the same margin as after).
   */
  int classifiedStart(String text, List<CoreLabel> tokens) {
    int first = -1;
    for (int i = 0; i < tokens.size() && first < 0; i++) {
      if (canName(text, tokens, i)) {
        first = i;
      }
    }
    return first < 0 ? 0 : lookAhead(tokens, first, -1);
  }

  /** How many of the sentence's first tokens to classify: 0 when none can be a name. */
  int classifiedEnd(String text, List<CoreLabel> tokens) {
    int last = -1;
    for (int i = tokens.size() - 1; i >= 0 && last < 0; i--) {
      if (canName(text, tokens, i)) {
        last = i;
      }
    }
    return last < 0 ? 0 : lookAhead(tokens, last + 1, 1);
  }

  /**
   * The cut {@link #LOOK_AHEAD} tokens, as the CRF counts them, from the cut {@code at} (a cut falls
   * before the token of its index), going forward ({@code step} 1) or back (-1), or the sentence's
   * end. The CRF reads a hyphenated word ("third-quarter", three tokens from the tokenizer) as one
   * (CoreNLP's NER tokenization joins them), and a cut inside one would change the word it sees.
   */
  private static int lookAhead(List<CoreLabel> tokens, int at, int step) {
    int counted = 0;
    while (step > 0 ? at < tokens.size() : at > 0) {
      if (!joinsPrevious(tokens.get(at - 1), tokens.get(at))) {
        if (counted == LOOK_AHEAD) {
          break;
        }
        counted++;
      }
      at += step;
    }
    return at;
  }

  /** A hyphen and the words it joins with no space between: one token to the CRF. */
  private static boolean joinsPrevious(CoreLabel previous, CoreLabel token) {
    return token.beginPosition() == previous.endPosition() && ("-".equals(token.word()) || "-".equals(previous.word()));
  }

  /** Whether the sentence's token {@code i} can be (part of) a name: capitalised and not an opener, or a country. */
  private boolean canName(String text, List<CoreLabel> tokens, int i) {
    CoreLabel t = tokens.get(i);
    int from = t.beginPosition();
    int to = t.endPosition();
    if (i == 0 && OPENERS.contains(text.substring(from, to).toLowerCase(Locale.ROOT))) {
      return false;
    }
    return canName(text, from, to);
  }

  private boolean canName(String text, int from, int to) {
    boolean letters = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return true;
      }
      letters &= Character.isLetter(c);
    }
    return letters && to - from >= 4 && countries.code(text.substring(from, to)).isPresent();
  }
}
