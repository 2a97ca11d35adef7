package org.broadsheet.extract;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.PaddedList;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CoreNLP's NER features of a word (the CRF's one-label clique), the same strings in the same order
 * as {@code NERFeatureFactory.featuresC} gives them for the flags of the CoNLL model Broadsheet uses,
 * from a method the JIT compiles.
 *
 * <p>{@code featuresC} handles every flag any model may set in 10,369 bytes of bytecode, over
 * HotSpot's limit of 8,000 for compiling a method ({@code -XX:+DontCompileHugeMethods}, on by
 * default): it runs in the interpreter for as long as the process lives. Profiled on 1,000 Reuters
 * articles it was the largest single cost of the CRF (30 % of its samples, all of them in the method
 * itself). This class keeps only the branches the model's flags take. It is installed only when every
 * flag {@code featuresC} reads has the value it was written for ({@link #fits}); any other model keeps
 * CoreNLP's own method. The other cliques' features are CoreNLP's, unchanged.
 *
 * <p>Derived from Stanford CoreNLP's {@code NERFeatureFactory} (GPL-3.0-or-later), version 4.5.10.
 */
final class CrfWordFeatures<IN extends CoreLabel> extends NERFeatureFactory<IN> {
  private static final long serialVersionUID = 1L;

  /** Flags that must be on: each adds a branch of features below. */
  private static final List<String> ON = List.of("noMidNGrams", "useClassFeature", "useDisjunctive", "useDistSim",
      "useExternal", "useInternal", "useLastRealWord", "useNGrams", "useNext", "useNextRealWord",
      "useOccurrencePatterns", "usePrev", "useTitle", "useTypeSeqs", "useWord", "numberEquivalenceDistSim");

  /** Flags that must be off: each would add a branch this class does not have. */
  private static final List<String> OFF = List.of("cacheNGrams", "checkNameList", "cleanGazette", "conjoinShapeNGrams",
      "dehyphenateNGrams", "greekifyNGrams", "lowercaseNGrams", "sloppyGazette", "twoStage", "use2W", "useABGENE",
      "useABSTR", "useABSTRFreq", "useABSTRFreqDict", "useAbbr", "useAbbr1", "useBagOfWords", "useBeginSent",
      "useChunks", "useCommonWordsFeature", "useDisjShape", "useDisjunctiveShapeInteraction",
      "useEitherSideDisjunctive", "useEitherSideWord", "useEntityRule", "useEntityTypes", "useExtraTaggySequences",
      "useFREQ", "useFirstWord", "useGENIA", "useGazFeatures", "useGazettes", "useGenericFeatures", "useHeadGov",
      "useIfInteger", "useIsDateRange", "useIsURL", "useLC", "useLemmas", "useMUCFeatures", "useMinimalAbbr",
      "useMinimalAbbr1", "useMoreGazFeatures", "useMoreNeighborNGrams", "useMoreTags", "useNPGovernor", "useNPHead",
      "useNextVB", "useOrdinal", "usePhraseWordTags", "usePhraseWords", "usePosition", "usePrevNextLemmas",
      "usePrevVB", "useProtoFeatures", "useRadical", "useShapeConjunctions", "useShapeStrings", "useSymTags",
      "useSymWordPairs", "useTags", "useTitle2", "useTopics", "useUndirectedDisjunctive", "useUnknown", "useVB",
      "useWEB", "useWEBFreqDict", "useWideDisjunctive", "useWordPairs", "useWordTag", "useWordnetFeatures",
      "useReverse", "intern", "casedDistSim");

  /** {@code NERFeatureFactory}'s own title pattern (a private field there). */
  private static final Pattern TITLE = Pattern.compile("(?:Mr|Ms|Mrs|Dr|Miss|Sen|Judge|Sir)\\.?");

  /** The word clusters of the model (its distsim lexicon), read from the factory it replaces. */
  private final transient Map<String, String> lexicon;

  private CrfWordFeatures(NERFeatureFactory<IN> model, Map<String, String> lexicon) throws IllegalAccessException {
    copyState(model, this);
    this.lexicon = lexicon;
  }

  /**
   * This class in place of {@code model}, with the same flags and state, or null when the model's flags
   * are not the ones it was written for or CoreNLP's fields are not where they were (another version).
   */
  static <IN extends CoreLabel> CrfWordFeatures<IN> replacing(FeatureFactory<IN> model) {
    if (!(model instanceof NERFeatureFactory<IN> ner) || model.getClass() != NERFeatureFactory.class) {
      return null;
    }
    try {
      Field flagsField = FeatureFactory.class.getDeclaredField("flags");
      flagsField.setAccessible(true);
      SeqClassifierFlags flags = (SeqClassifierFlags) flagsField.get(ner);
      Field lexiconField = NERFeatureFactory.class.getDeclaredField("lexicon");
      lexiconField.setAccessible(true);
      @SuppressWarnings("unchecked")
      Map<String, String> lexicon = (Map<String, String>) lexiconField.get(ner);
      if (flags == null || lexicon == null || !fits(flags)) {
        return null;
      }
      return new CrfWordFeatures<>(ner, lexicon);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code flags} take exactly the branches of {@code featuresC} this class has. */
  static boolean fits(SeqClassifierFlags flags) {
    try {
      for (String on : ON) {
        if (!SeqClassifierFlags.class.getField(on).getBoolean(flags)) {
          return false;
        }
      }
      for (String off : OFF) {
        if (SeqClassifierFlags.class.getField(off).getBoolean(flags)) {
          return false;
        }
      }
    } catch (ReflectiveOperationException e) {
      return false;
    }
    return flags.binnedLengths == null && flags.splitWordRegex == null && flags.maxNGramLeng < 0
        && flags.slashHyphenTreatment == SeqClassifierFlags.SlashHyphenEnum.NONE
        && flags.wordShape > WordShapeClassifier.NOWORDSHAPE;
  }

  /** Every instance field of CoreNLP's factories, {@code from} to {@code to} (final ones are set by the constructor). */
  private static void copyState(Object from, Object to) throws IllegalAccessException {
    for (Class<?> c = NERFeatureFactory.class; c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
          f.setAccessible(true);
          f.set(to, f.get(from));
        }
      }
    }
  }

  @Override
  protected void featuresC(PaddedList<IN> cInfo, int loc, FeatureCollector out) {
    out.setSuffix("C");
    CoreLabel p2 = cInfo.get(loc - 2);
    CoreLabel p = cInfo.get(loc - 1);
    CoreLabel c = cInfo.get(loc);
    CoreLabel n = cInfo.get(loc + 1);
    CoreLabel n2 = cInfo.get(loc + 2);
    String cWord = getWord(c);
    String pWord = getWord(p);
    String nWord = getWord(n);
    String cShape = c.getString(CoreAnnotations.ShapeAnnotation.class);
    String pShape = p.getString(CoreAnnotations.ShapeAnnotation.class);
    String nShape = n.getString(CoreAnnotations.ShapeAnnotation.class);

    distSimAnnotate(cInfo);
    out.build().append(c.get(CoreAnnotations.DistSimAnnotation.class)).append("-DISTSIM").add();
    if (TITLE.matcher(cWord).matches()) {
      out.add("IS_TITLE");
    }
    out.build().append(cWord).append("-WORD").add();
    out.build().append(pWord).append("-PW").add();
    out.build().append(p.get(CoreAnnotations.DistSimAnnotation.class)).append("-PDISTSIM").add();
    out.build().append(nWord).append("-NW").add();
    out.build().append(n.get(CoreAnnotations.DistSimAnnotation.class)).append("-NDISTSIM").add();
    out.add("###");
    nGrams(cWord, out);
    out.build().append(cShape).append("-TYPE").add();
    out.build().append(pShape).append("-PTYPE").add();
    out.build().append(nShape).append("-NTYPE").add();
    out.build().append(pWord).append("...").append(cShape).append("-PW_CTYPE").add();
    out.build().append(cShape).append("...").append(nWord).append("-NW_CTYPE").add();
    out.build().append(pShape).append("...").append(cShape).append("-PCTYPE").add();
    out.build().append(cShape).append("...").append(nShape).append("-CNTYPE").add();
    out.build().append(pShape).append("...").append(cShape).append("...").append(nShape).append("-PCNTYPE").add();
    if (pWord.length() <= 3) {
      out.build().append(getWord(p2)).append("...").append(cShape).append("-PPW_CTYPE").add();
    }
    if (nWord.length() <= 3) {
      out.build().append(getWord(n2)).append("...").append(cShape).append("-NNW_CTYPE").add();
    }
    occurrencePatterns(cInfo, loc, out);
    for (int i = 1; i <= flags.disjunctionWidth; i++) {
      out.build().append(getWord(cInfo.get(loc + i))).append("-DISJN").add();
      out.build().append(getWord(cInfo.get(loc - i))).append("-DISJP").add();
    }
    stackedTags(p, c, n, cWord, out);
  }

  /** The word's prefixes and suffixes, as {@code noMidNGrams} has them. */
  private void nGrams(String cWord, FeatureCollector out) {
    String word = '<' + cWord + '>';
    for (int j = 2; j <= word.length(); j++) {
      out.add('#' + word.substring(0, j) + '#');
    }
    for (int i = 0; i < word.length() - 1; i++) {
      out.add('#' + word.substring(i) + '#');
    }
  }

  /** A tag from an earlier classifier, when a pipeline stacks them (none does in Broadsheet). */
  private static void stackedTags(CoreLabel p, CoreLabel c, CoreLabel n, String cWord, FeatureCollector out) {
    String cTag = c.get(CoreAnnotations.StackedNamedEntityTagAnnotation.class);
    if (cTag == null) {
      return;
    }
    String pTag = p.get(CoreAnnotations.StackedNamedEntityTagAnnotation.class);
    String nTag = n.get(CoreAnnotations.StackedNamedEntityTagAnnotation.class);
    out.build().append(cTag).append("-CStackedNERTag").add();
    out.build().append(cWord).dash().append(cTag).append("-WCStackedNERTag").add();
    out.build().append(cTag).dash().append(nTag).append("-CNStackedNERTag").add();
    out.build().append(cWord).dash().append(cTag).dash().append(nTag).append("-WCNStackedNERTag").add();
    out.build().append(pTag).dash().append(cTag).dash().append(nTag).append("-PCNStackedNERTag").add();
    out.build().append(pTag).dash().append(cWord).append(" -").append(cTag).dash().append(nTag)
        .append("-PWCNStackedNERTag").add();
    out.build().append(pTag).dash().append(cTag).append("-PCStackedNERTag").add();
  }

  /** Each word's cluster, set on every token of the sentence the first time (as CoreNLP does). */
  private void distSimAnnotate(PaddedList<IN> info) {
    for (CoreLabel fl : info) {
      if (fl.containsKey(CoreAnnotations.DistSimAnnotation.class)) {
        return;
      }
      String word = WordShapeClassifier.wordShape(getWord(fl).toLowerCase(), WordShapeClassifier.WORDSHAPEDIGITS);
      String distSim = lexicon.get(word);
      fl.set(CoreAnnotations.DistSimAnnotation.class, distSim == null ? flags.unknownWordDistSimClass : distSim);
    }
  }

  /** CoreNLP's features of a capitalised word's other occurrences in the sentence, unchanged. */
  private void occurrencePatterns(PaddedList<IN> cInfo, int loc, FeatureCollector out) {
    String word = getWord(cInfo.get(loc));
    String nWord = getWord(cInfo.get(loc + 1));
    CoreLabel p = cInfo.get(loc - 1);
    String pWord = getWord(p);
    if (!(isNameCase(word) && noUpperCase(nWord) && hasLetter(nWord) && hasLetter(pWord) && p != cInfo.getPad())) {
      out.add("NO-OCCURRENCE-PATTERN");
      return;
    }
    if (p.getString(CoreAnnotations.PartOfSpeechAnnotation.class) != null && isNameCase(pWord)
        && p.getString(CoreAnnotations.PartOfSpeechAnnotation.class).equals("NNP")) {
      for (int jump = 3; jump < 150; jump++) {
        if (getWord(cInfo.get(loc + jump)).equals(word)) {
          out.add(getWord(cInfo.get(loc + jump - 1)).equals(pWord) ? "XY-NEXT-OCCURRENCE-XY" : "XY-NEXT-OCCURRENCE-Y");
        }
      }
      for (int jump = -3; jump > -150; jump--) {
        if (getWord(cInfo.get(loc + jump)).equals(word)) {
          out.add(getWord(cInfo.get(loc + jump - 1)).equals(pWord) ? "XY-PREV-OCCURRENCE-XY" : "XY-PREV-OCCURRENCE-Y");
        }
      }
    } else {
      for (int jump = 3; jump < 150; jump++) {
        if (getWord(cInfo.get(loc + jump)).equals(word)) {
          if (properNoun(cInfo.get(loc + jump - 1))) {
            out.add("X-NEXT-OCCURRENCE-YX");
          } else if (properNoun(cInfo.get(loc + jump + 1))) {
            out.add("X-NEXT-OCCURRENCE-XY");
          } else {
            out.add("X-NEXT-OCCURRENCE-X");
          }
        }
      }
      for (int jump = -3; jump > -150; jump--) {
        if (getWord(cInfo.get(loc + jump)) != null && getWord(cInfo.get(loc + jump)).equals(word)) {
          if (properNoun(cInfo.get(loc + jump + 1))) {
            out.add("X-PREV-OCCURRENCE-YX");
          } else if (properNoun(cInfo.get(loc + jump - 1))) {
            out.add("X-PREV-OCCURRENCE-XY");
          } else {
            out.add("X-PREV-OCCURRENCE-X");
          }
        }
      }
    }
  }

  private boolean properNoun(CoreLabel token) {
    return isNameCase(getWord(token)) && token.getString(CoreAnnotations.PartOfSpeechAnnotation.class).equals("NNP");
  }

  /** Capitalised and then lower case: "Smith", not "SMITH" or "smith". */
  private static boolean isNameCase(String str) {
    return str.length() >= 2 && (Character.isUpperCase(str.charAt(0)) || Character.isTitleCase(str.charAt(0)))
        && noUpperCaseFrom(str, 1);
  }

  private static boolean noUpperCase(String str) {
    return !str.isEmpty() && noUpperCaseFrom(str, 0);
  }

  private static boolean noUpperCaseFrom(String str, int from) {
    for (int i = from; i < str.length(); i++) {
      if (Character.isUpperCase(str.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetter(String str) {
    for (int i = 0; i < str.length(); i++) {
      if (Character.isLetter(str.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
