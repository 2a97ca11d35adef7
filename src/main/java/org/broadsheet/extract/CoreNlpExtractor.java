package org.broadsheet.extract;

import edu.stanford.nlp.ling.CoreLabel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.ingest.Article;

/**
 * Finds people, places and organisations with Stanford CoreNLP's named-entity recogniser,
 * and dates with {@link DateResolver}; {@link Canonicalizer} names them. Loading the models
 * takes seconds and hundreds of megabytes: construct one instance per process and share it,
 * {@link #extract} is thread-safe (CoreNLP's annotate is, and every other step is stateless).
 */
public final class CoreNlpExtractor implements EntityExtractor {

  /** Bump when canonicalisation or date rules change, so cached extractions are redone. */
  static final String RULES_VERSION = "7";

  /** The CoreNLP version (and so models) Broadsheet is built with: pom.xml's, through a filtered resource. */
  static final String CORENLP_VERSION = buildProperty("corenlp.properties", "version");

  private static String buildProperty(String resource, String key) {
    Properties p = new Properties();
    try (java.io.InputStream in = CoreNlpExtractor.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path beside " + CoreNlpExtractor.class.getName()
            + ": the build writes it (mvn process-resources)");
      }
      p.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String value = p.getProperty(key, "");
    if (value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(resource + " has no " + key + " filled in by the build: " + value);
    }
    return value;
  }

  /**
   * The recogniser: tokenize, ssplit and the CRF of ner only.
   * <ul>
   * <li>One model, english.conll.4class.distsim (PERSON, LOCATION, ORGANIZATION, MISC; MISC is not
   *     kept): the default runs three CRFs in a row (3, 4 and 7 classes), about three times the cost,
   *     for MONEY and the like that we do not keep.</li>
   * <li>No fine-grained labels (COUNTRY, CITY...): the gazetteer types places better and faster.</li>
   * <li>No SUTime and no numeric classifiers: dates are {@link DateResolver}'s, numbers are not entities.</li>
   * <li>No POS or lemma: the CRF does not use them, so requirements are not enforced.</li>
   * </ul>
   */
  public static Properties defaultProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,ner");
    p.setProperty("enforceRequirements", "false");
    p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.buildEntityMentions", "false");
    p.setProperty("ner.combinationMode", "NORMAL");
    // Every line end left in the text given to CoreNLP ends a sentence: LineBreaks turns the ones that
    // only wrap prose into spaces first, so headings, table rows and lists of names stand alone.
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    // Keep odd characters as tokens rather than warn about each one.
    p.setProperty("tokenize.options", "untokenizable=noneKeep");
    return p;
  }

  /** A dateline: "NEW YORK, May 12 -" or "SALVADOR, Feb 26 -" at the start of a line. */
  private static final Pattern DATELINE = Pattern.compile(
      "(?m)^[ \\t\\p{Z}]{0,40}(\\p{Lu}[\\p{Lu}.'’ -]{0,40}\\p{Lu}\\.?)(?:\\s*,\\s*(\\p{Lu}[\\p{L}.]{0,14}(?: \\p{Lu}[\\p{L}.]{0,14})?))?,\\s+"
          + "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)");

  private final Recogniser recogniser;
  private final Gazetteer gazetteer;
  private final Canonicalizer canonicalizer;
  private final ResultsTables resultsTables;
  private final DateResolver dates;
  private final String version;

  /**
   * @param properties CoreNLP properties; {@link #defaultProperties()} unless measuring alternatives
   * @param gazetteer  place names; {@link Gazetteer#loadDefault} in production
   * @param dates      the date resolver
   */
  public CoreNlpExtractor(Properties properties, Gazetteer gazetteer, DateResolver dates) {
    this.recogniser = new Recogniser(properties, gazetteer.countries());
    this.gazetteer = gazetteer;
    this.canonicalizer = new Canonicalizer(gazetteer);
    this.resultsTables = new ResultsTables(gazetteer.countries());
    this.dates = dates;
    this.version = "corenlp-" + CORENLP_VERSION + "/" + Integer.toHexString(new java.util.TreeMap<>(properties).toString().hashCode())
        + "/rules-" + RULES_VERSION + "/" + gazetteer.dataVersion();
  }

  /** The production extractor: default properties, the gazetteer the build installed, default dates. */
  public CoreNlpExtractor(Gazetteer gazetteer) {
    this(defaultProperties(), gazetteer, new DateResolver());
  }

  /** The tokenizer and CRF this extractor reads with. */
  Recogniser recogniser() {
    return recogniser;
  }

  @Override
  public Extraction extract(Article article) {
    String text = article.text();
    List<Span> spans = new ArrayList<>();
    Countries countries = gazetteer.countries();
    for (List<CoreLabel> tokens : recogniser.sentences(recognitionText(text))) {
      recognised(text, tokens, spans);
      countryNames(text, tokens, countries, spans);
    }
    datelines(text, spans);
    spans.sort(Comparator.comparingInt(Span::start));
    spans = resultsTables.retype(text, spans);
    List<Mention> mentions = new ArrayList<>(canonicalizer.canonicalize(text, spans));
    LocalDate published = article.published() == null ? null
        : article.published().atOffset(ZoneOffset.UTC).toLocalDate();
    mentions.addAll(dates.find(text, published));
    mentions.sort(Comparator.comparingInt(Mention::start));
    return new Extraction(mentions);
  }

  /**
   * What the recogniser reads: the text with the line ends that wrap prose as spaces
   * ({@link LineBreaks}) and headlines re-cased ({@link Headlines}); the same length, so offsets hold.
   */
  static String recognitionText(String text) {
    String wrapped = LineBreaks.forRecognition(text);
    String cased = Headlines.forRecognition(text);
    if (cased == text) {
      return wrapped;
    }
    char[] out = cased.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (wrapped.charAt(i) != text.charAt(i)) {
        out[i] = wrapped.charAt(i);
      }
    }
    return new String(out);
  }

  /**
   * Runs of tokens with the same entity label, not across the end of a paragraph or of a line
   * that ends a sentence ("according to the U.N.\nU.N. officials" is two names, a name
   * hard-wrapped as "United\nStates" is one).
   */
  private static void recognised(String text, List<CoreLabel> tokens, List<Span> out) {
    EntityType current = null;
    int first = -1;
    for (int i = 0; i <= tokens.size(); i++) {
      CoreLabel t = i < tokens.size() ? tokens.get(i) : null;
      EntityType type = t == null ? null : typeOf(t.ner());
      boolean continues = type != null && type == current
          && !endsBlock(text, tokens.get(i - 1).endPosition(), t.beginPosition());
      if (!continues && current != null) {
        int from = current == EntityType.PERSON ? givenNamesBefore(tokens, first) : first;
        out.add(new Span(current, tokens.get(from).beginPosition(), tokens.get(i - 1).endPosition()));
      }
      if (!continues) {
        current = type;
        first = i;
      }
    }
  }

  /**
   * The CRF sometimes leaves a rare given name out of a person ("President Recep [Tayyip
   * Erdoğan]"): up to two capitalised, untagged words right before a person, that are not the
   * sentence's first word, a title, or a month or weekday, are part of the name.
   */
  private static int givenNamesBefore(List<CoreLabel> tokens, int first) {
    int from = first;
    while (from > 1 && first - from < 2) {
      CoreLabel t = tokens.get(from - 1);
      String w = t.word();
      if (!"O".equals(t.ner()) || !GIVEN_NAME.matcher(w).matches() || CanonicalNames.isTitle(w)
          || CALENDAR_WORD.matcher(w).matches() || t.endPosition() + 1 < tokens.get(from).beginPosition()
          || (from > 1 && OF_THE.matcher(tokens.get(from - 2).word()).matches())) {
        break;
      }
      from--;
    }
    return from;
  }

  /** "Secretary of State John Kornblum": a capitalised word after these belongs to what comes before. */
  private static final Pattern OF_THE = Pattern.compile("of|the|for|and");

  private static final Pattern GIVEN_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+");
  private static final Pattern CALENDAR_WORD = Pattern.compile(
      "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
          + "October|November|December|Last|Next|This|On|In|The|But|And|As|At|By|For|From|If|Of|Under|With|When");

  private static EntityType typeOf(String ner) {
    if (ner == null) {
      return null;
    }
    return switch (ner) {
      case "PERSON" -> EntityType.PERSON;
      case "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE" -> EntityType.PLACE;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      default -> null; // MISC, numbers, dates: not kept
    };
  }

  private static boolean endsBlock(String text, int from, int to) {
    int newlines = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        newlines++;
      }
    }
    return newlines > 1 || (newlines == 1 && from > 0 && ".!?:\"”'’".indexOf(text.charAt(from - 1)) >= 0);
  }

  /**
   * Country names the recogniser left untagged: up to four capitalised tokens that spell a
   * country ("Türkiye" is newer than the model). Names that are also given names or other
   * places ("Jordan", "Georgia") are left to the recogniser.
   */
  private static void countryNames(String text, List<CoreLabel> tokens, Countries countries, List<Span> out) {
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      CoreLabel first = tokens.get(i);
      String w = first.word();
      if (!"O".equals(first.ner()) || w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
        continue;
      }
      for (int len = Math.min(4, n - i); len >= 1; len--) {
        CoreLabel last = tokens.get(i + len - 1);
        if (!"O".equals(last.ner())) {
          continue;
        }
        String surface = text.substring(first.beginPosition(), last.endPosition());
        if (countries.code(surface).isPresent() && (!countries.isAmbiguous(surface) || surface.contains("."))) {
          out.add(new Span(EntityType.PLACE, first.beginPosition(), last.endPosition()));
          i += len - 1;
          break;
        }
      }
    }
  }

  /**
   * The place of a dateline, and its US state, which the recogniser, trained on mixed case, misses
   * or takes for a person in capitals.
   */
  private void datelines(String text, List<Span> spans) {
    Matcher m = DATELINE.matcher(text);
    while (m.find()) {
      boolean hasRegion = m.group(2) != null && gazetteer.lookup(m.group(2)).isPresent();
      for (int group = 1; group <= 2; group++) {
        // A town too small for the gazetteer is still a place when its state follows ("YARDLEY, Penn.").
        if (m.group(group) == null || (gazetteer.lookup(m.group(group)).isEmpty() && !(group == 1 && hasRegion))) {
          continue;
        }
        int start = m.start(group);
        int end = m.end(group);
        // The dateline's place and state ("DENVER", "YARDLEY, Penn.") are places, whatever the recogniser said.
        spans.removeIf(s -> s.start() < end && start < s.end() && s.type() != EntityType.PLACE);
        if (spans.stream().noneMatch(s -> s.start() < end && start < s.end())) {
          spans.add(new Span(EntityType.PLACE, start, end));
        }
      }
    }
  }

  @Override
  public String version() {
    return version;
  }
}
