package org.broadsheet.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.extract.CanonicalNames;
import org.broadsheet.extract.CoreNlpExtractor;
import org.broadsheet.extract.Countries;
import org.broadsheet.extract.DateResolver;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Gazetteer;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;

/**
 * Quality and speed of extraction on the Reuters development corpus (not a unit test: it reads
 * ../shared and takes minutes). Recall of gold people (a gold surname among the extracted
 * people's words) and of gold places (a gold country found as the country of an extracted place),
 * and tokens per second of {@link EntityExtractor#extract} on a thread pool.
 *
 * <pre>
 * ./mvnw -B -q -Dmaven.test.skip=true package
 * java -Xmx4g -cp target/tools-classes:target/classes:$(cat target/classpath.txt) \
 *     org.broadsheet.evaluation.ReutersGoldEval [files=1000] [threads=2] [default|sutime]
 * (SHOW=1 in the environment prints some articles whose gold country was missed)
 * </pre>
 */
public final class ReutersGoldEval {
  private static final Path CORPUS = Path.of("../shared/corpora/reuters-dev");
  private static final Path GOLD = Path.of("../shared/corpora/reuters-dev-gold.json");
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final Pattern PUBLISHED = Pattern.compile("article:published_time\" content=\"([^\"]+)\"");
  private static final Pattern BODY = Pattern.compile("(?s)<body>(.*)</body>");
  private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|h1|h2|div|li)>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  /** Roughly Penn Treebank tokens: words, numbers with their separators, and punctuation marks. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'’-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

  private record Result(String file, Extraction extraction, int tokens, long cpuNanos) {
  }

  public static void main(String[] args) throws Exception {
    int limit = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String variant = args.length > 2 ? args[2] : "default";
    JsonNode gold = new ObjectMapper().readTree(GOLD.toFile());
    List<Path> all;
    try (Stream<Path> s = Files.list(CORPUS)) {
      all = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    // An even spread over the corpus, not its first days only.
    List<Path> files = new ArrayList<>();
    double step = Math.max(1.0, all.size() / (double) limit);
    for (double i = 0; i < all.size() && files.size() < limit; i += step) {
      files.add(all.get((int) i));
    }
    List<Article> articles = new ArrayList<>();
    for (Path f : files) {
      articles.add(read(f));
    }

    long t0 = System.nanoTime();
    Countries countries = new Countries();
    Gazetteer gazetteer = Gazetteer.loadDefault(countries);
    Properties props = CoreNlpExtractor.defaultProperties();
    if (variant.equals("sutime")) {
      // The pipeline CoreNLP needs for its own dates: POS and lemmas, numeric classifiers and SUTime.
      props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
      props.setProperty("ner.useSUTime", "true");
      props.setProperty("ner.applyNumericClassifiers", "true");
    }
    CoreNlpExtractor extractor = new CoreNlpExtractor(props, gazetteer, new DateResolver());
    System.out.printf(Locale.ROOT, "loaded in %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, extractor.version());

    // Warm the JIT on a few articles so the timing is of steady work.
    for (int i = 0; i < Math.min(30, articles.size()); i++) {
      extractor.extract(articles.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<Result>> futures = new ArrayList<>();
    for (Article a : articles) {
      futures.add(pool.submit(() -> {
        long cpu = THREADS.getCurrentThreadCpuTime();
        Extraction x = extractor.extract(a);
        return new Result(Path.of(a.path()).getFileName().toString(), x, countTokens(a.text()), THREADS.getCurrentThreadCpuTime() - cpu);
      }));
    }
    List<Result> results = new ArrayList<>();
    for (Future<Result> f : futures) {
      results.add(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();

    long tokens = results.stream().mapToLong(Result::tokens).sum();
    int goldPlaces = 0;
    int foundPlaces = 0;
    int goldPeople = 0;
    int foundPeople = 0;
    int unmapped = 0;
    TreeMap<String, int[]> missedPlaces = new TreeMap<>();
    for (Result r : results) {
      JsonNode g = gold.path(r.file());
      Set<String> codes = new HashSet<>(r.extraction().countries());
      for (JsonNode slug : g.path("places")) {
        Set<String> accepted = goldCodes(slug.asText(), countries);
        if (accepted.isEmpty()) {
          unmapped++;
          continue;
        }
        goldPlaces++;
        if (accepted.stream().anyMatch(codes::contains)) {
          foundPlaces++;
        } else {
          if (missedPlaces.computeIfAbsent(slug.asText(), k -> new int[1])[0]++ < 3 && System.getenv("SHOW") != null) {
            System.out.println("missed " + slug.asText() + " in " + r.file() + ": places "
                + r.extraction().canonical(EntityType.PLACE) + " orgs " + r.extraction().canonical(EntityType.ORGANIZATION));
          }
        }
      }
      Set<String> personWords = new HashSet<>();
      for (String p : r.extraction().canonical(EntityType.PERSON)) {
        personWords.addAll(List.of(CanonicalNames.key(p).split(" ")));
      }
      for (JsonNode person : g.path("people")) {
        String[] parts = person.asText().split("-");
        goldPeople++;
        if (personWords.contains(CanonicalNames.key(parts[parts.length - 1]))) {
          foundPeople++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "files %d, threads %d, variant %s%n", results.size(), threads, variant);
    System.out.printf(Locale.ROOT, "gold places (countries) found: %d/%d = %.1f%% (%d gold slugs not countries)%n",
        foundPlaces, goldPlaces, 100.0 * foundPlaces / Math.max(1, goldPlaces), unmapped);
    System.out.printf(Locale.ROOT, "gold people found: %d/%d = %.1f%%%n",
        foundPeople, goldPeople, 100.0 * foundPeople / Math.max(1, goldPeople));
    System.out.printf(Locale.ROOT, "extraction: %d tokens in %.1f s = %.0f tokens/s on %d threads%n",
        tokens, seconds, tokens / seconds, threads);
    double cpuSeconds = results.stream().mapToLong(Result::cpuNanos).sum() / 1e9;
    System.out.printf(Locale.ROOT, "  CPU time of extraction %.1f s = %.0f tokens per CPU-second (the machine is shared:"
        + " wall-clock figures depend on its load)%n", cpuSeconds, tokens / cpuSeconds);
    breakdown(props, articles, extractor);
    System.out.println("most missed places: " + missedPlaces.entrySet().stream()
        .sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(15)
        .map(e -> e.getKey() + "=" + e.getValue()[0]).toList());
  }

  /**
   * What our steps cost next to CoreNLP's: CPU time of CoreNLP's annotate alone against the
   * whole extract, on one thread, over the same articles.
   */
  private static void breakdown(Properties props, List<Article> articles, CoreNlpExtractor extractor) {
    edu.stanford.nlp.pipeline.StanfordCoreNLP nlp = new edu.stanford.nlp.pipeline.StanfordCoreNLP(props);
    List<Article> sample = articles.subList(0, Math.min(300, articles.size()));
    long annotate = 0;
    long extract = 0;
    for (int round = 0; round < 2; round++) { // the first round warms up
      annotate = 0;
      extract = 0;
      for (Article a : sample) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        nlp.annotate(new edu.stanford.nlp.pipeline.Annotation(a.text()));
        long c1 = THREADS.getCurrentThreadCpuTime();
        extractor.extract(a);
        long c2 = THREADS.getCurrentThreadCpuTime();
        annotate += c1 - c0;
        extract += c2 - c1;
      }
    }
    System.out.printf(Locale.ROOT, "  one thread, %d articles: CoreNLP annotate %.2f s CPU, whole extract %.2f s CPU"
        + " (our steps %.0f%% on top)%n", sample.size(), annotate / 1e9, extract / 1e9,
        100.0 * (extract - annotate) / annotate);
  }

  /** A gold place slug ("west-germany", "usa", "ussr") as the country codes that count for it. */
  static Set<String> goldCodes(String slug, Countries countries) {
    Set<String> out = new HashSet<>();
    countries.code(slug.replace('-', ' ')).ifPresent(out::add);
    // A 1987 story about the USSR names Moscow, which the gazetteer places in Russia; likewise East Berlin.
    if (out.contains("SU")) {
      out.add("RU");
    }
    if (out.contains("DD")) {
      out.add("DE");
    }
    return out;
  }

  static Article read(Path file) throws IOException {
    String html = Files.readString(file);
    Matcher p = PUBLISHED.matcher(html);
    Instant published = p.find() ? Instant.parse(p.group(1)) : null;
    Matcher b = BODY.matcher(html);
    String body = b.find() ? b.group(1) : html;
    String text = TAG.matcher(BLOCK_END.matcher(body).replaceAll("\n")).replaceAll("")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&").strip();
    String title = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    return new Article(file.getFileName().toString(), file.toString(), title, text, published,
        published == null ? null : DateSource.METADATA, null, "Reuters",
        "en", "text/html", null);
  }

  private static int countTokens(String text) {
    Matcher m = TOKEN.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
