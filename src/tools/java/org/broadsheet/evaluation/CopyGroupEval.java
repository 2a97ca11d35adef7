package org.broadsheet.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.index.MinHash;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchRequest;

/**
 * Precision and recall of the groups of copies ({@code index/CopyGroups}) on the Reuters development
 * corpus plus near-copies generated from it (not a unit test: it reads ../shared and takes minutes).
 * For a sample of articles one variant each is written beside the corpus: a new headline, a dropped
 * paragraph, an added paragraph, five words changed, or an "UPDATE 1-" re-top (new lead paragraph,
 * new headline). Everything is indexed (no NER) and each article's group read back.
 *
 * <p>Gold: an article and its variant belong together; so do articles of the corpus whose text is
 * exactly the same (its real copies). Pairs grouped beyond that are counted as false positives, and
 * the first of them printed with their estimated Jaccard similarity, to read whether they are real
 * near-copies the gold does not know (Reuters repeats stories) or mistakes.
 *
 * <pre>
 * ./mvnw -B -q -Dmaven.test.skip=true package
 * java -cp target/tools-classes:target/classes:$(cat target/classpath.txt) \
 *     org.broadsheet.evaluation.CopyGroupEval [variants=2000] [workdir=/tmp/copy-eval] [corpus=../shared/corpora/reuters-dev]
 * </pre>
 */
public final class CopyGroupEval {
  private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
  private static final Pattern H1 = Pattern.compile("<h1>([^<]*)</h1>");
  private static final Pattern PARAGRAPH = Pattern.compile("(?s)<p>(.*?)</p>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final String[] KINDS = {"headline", "drop", "add", "words", "retop"};

  private CopyGroupEval() {
  }

  public static void main(String[] args) throws Exception {
    int variants = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/copy-eval");
    Path corpus = Path.of(args.length > 2 ? args[2] : "../shared/corpora/reuters-dev");
    List<Path> originals;
    try (Stream<Path> files = Files.list(corpus)) {
      originals = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    Path generated = work.resolve("variants");
    Files.createDirectories(generated);
    Random random = new Random(15);
    Map<String, String> cluster = new HashMap<>(); // article id → gold cluster
    Map<String, String> kindOf = new HashMap<>();
    Map<String, String> byText = new HashMap<>();
    for (Path f : originals) {
      String html = Files.readString(f, StandardCharsets.UTF_8);
      String text = bodyText(html);
      String id = ArticleId.of(f.toRealPath());
      // Exact copies in the corpus: one gold cluster.
      cluster.put(id, byText.computeIfAbsent(text, t -> id));
    }
    List<Path> sample = new ArrayList<>(originals);
    java.util.Collections.shuffle(sample, random);
    int written = 0;
    for (Path f : sample) {
      if (written == variants) {
        break;
      }
      String html = Files.readString(f, StandardCharsets.UTF_8);
      if (paragraphs(html).size() < 2) {
        continue; // a headline and one line: no paragraph to drop or re-top
      }
      String kind = KINDS[written % KINDS.length];
      Path out = generated.resolve(kind + "-" + f.getFileName());
      // New text in a variant (an added paragraph, a re-top's lead) is 40 words drawn at random from
      // another article: text no other article or variant has, in the corpus's vocabulary.
      String[] pool = bodyText(Files.readString(originals.get(random.nextInt(originals.size())),
          StandardCharsets.UTF_8)).split("\\s+");
      StringBuilder fresh = new StringBuilder();
      for (int w = 0; w < 40; w++) {
        fresh.append(w == 0 ? "" : " ").append(pool[random.nextInt(pool.length)]);
      }
      String other = fresh.toString();
      Files.writeString(out, variant(html, kind, random, other), StandardCharsets.UTF_8);
      String vid = ArticleId.of(out.toRealPath());
      cluster.put(vid, cluster.get(ArticleId.of(f.toRealPath())));
      kindOf.put(vid, kind);
      written++;
    }
    Path index = work.resolve("index");
    long start = System.nanoTime();
    Map<String, String> group = new HashMap<>();
    Map<String, String> title = new HashMap<>();
    try (Broadsheet b = Broadsheet.open(index, IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT)) {
      b.index(List.of(corpus, generated), true, org.broadsheet.index.IndexListener.NONE);
      System.out.printf("indexed %d files in %.1f s%n", cluster.size(), (System.nanoTime() - start) / 1e9);
      b.export(SearchRequest.of("").withCollapse(false), h -> {
        group.put(h.id(), h.group());
        title.put(h.id(), h.title());
      });
    }
    score(cluster, group, kindOf, title);
  }

  private static void score(Map<String, String> cluster, Map<String, String> group, Map<String, String> kindOf,
                            Map<String, String> title) {
    Map<String, List<String>> byGroup = new HashMap<>();
    group.forEach((id, g) -> byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(id));
    Map<String, List<String>> byCluster = new HashMap<>();
    cluster.forEach((id, c) -> {
      if (group.containsKey(id)) {
        byCluster.computeIfAbsent(c, x -> new ArrayList<>()).add(id);
      }
    });
    long goldPairs = 0;
    long found = 0;
    Map<String, long[]> perKind = new HashMap<>();
    for (List<String> ids : byCluster.values()) {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          goldPairs++;
          boolean ok = group.get(ids.get(i)).equals(group.get(ids.get(j)));
          found += ok ? 1 : 0;
          String kind = kindOf.getOrDefault(ids.get(j), kindOf.getOrDefault(ids.get(i), "exact"));
          long[] k = perKind.computeIfAbsent(kind, x -> new long[2]);
          k[0]++;
          k[1] += ok ? 1 : 0;
        }
      }
    }
    long grouped = 0;
    long wrong = 0;
    long sameTitle = 0;
    List<String> examples = new ArrayList<>();
    for (List<String> ids : byGroup.values()) {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          grouped++;
          if (!cluster.get(ids.get(i)).equals(cluster.get(ids.get(j)))) {
            wrong++;
            if (plainTitle(title.get(ids.get(i))).equals(plainTitle(title.get(ids.get(j))))) {
              sameTitle++; // the corpus's own repeats of a story (Reuters re-sends), not mistakes
            } else if (examples.size() < 60) {
              examples.add(title.get(ids.get(i)) + "  |  " + title.get(ids.get(j)));
            }
          }
        }
      }
    }
    System.out.printf("gold pairs %d, found %d: recall %.4f%n", goldPairs, found, found / (double) goldPairs);
    perKind.forEach((k, v) -> System.out.printf("  %-8s %6d pairs, recall %.4f%n", k, v[0], v[1] / (double) v[0]));
    System.out.printf("grouped pairs %d, outside the gold %d: precision against the gold %.4f%n", grouped, wrong,
        (grouped - wrong) / (double) Math.max(1, grouped));
    System.out.printf("  of which under the same headline (the corpus repeating a story): %d;"
        + " precision counting those as copies %.4f%n", sameTitle, (grouped - wrong + sameTitle) / (double) Math.max(1, grouped));
    System.out.println("pairs grouped outside the gold under different headlines (read them: real near-copies or mistakes?):");
    examples.forEach(e -> System.out.println("  " + e));
  }

  /** A headline without "UPDATE 1-", "Corrected: ", case and punctuation. */
  private static String plainTitle(String t) {
    String s = t == null ? "" : t.replaceFirst("^(UPDATE \\d+-|\\(?Corrected\\)?\\s*[-:]\\s*)", "")
        .replaceFirst(" - sources$", "");
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static String bodyText(String html) {
    StringBuilder b = new StringBuilder();
    for (String p : paragraphs(html)) {
      b.append(TAG.matcher(p).replaceAll(" ").replaceAll("\\s+", " ").strip()).append('\n');
    }
    return b.toString();
  }

  private static List<String> paragraphs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = PARAGRAPH.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** One near-copy of the article {@code html} of the given kind. */
  static String variant(String html, String kind, Random random, String newText) {
    List<String> paragraphs = paragraphs(html);
    return switch (kind) {
      case "headline" -> retitle(html, "Corrected: " + title(html) + " - sources");
      case "drop" -> html.replace("<p>" + paragraphs.get(random.nextInt(paragraphs.size() - 1) + 1) + "</p>", "");
      case "add" -> html.replace("</article>", "<p>" + newText + "</p>\n</article>");
      case "words" -> changeWords(html, paragraphs, 5, random);
      case "retop" -> retitle(html, "UPDATE 1-" + title(html)).replaceFirst("<p>", Matcher.quoteReplacement(
          "<p>" + newText + "</p>\n<p>"));
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static String title(String html) {
    Matcher m = TITLE.matcher(html);
    return m.find() ? m.group(1) : "";
  }

  private static String retitle(String html, String newTitle) {
    String t = Matcher.quoteReplacement(newTitle);
    return H1.matcher(TITLE.matcher(html).replaceFirst("<title>" + t + "</title>")).replaceFirst("<h1>" + t + "</h1>");
  }

  private static String changeWords(String html, List<String> paragraphs, int n, Random random) {
    String out = html;
    for (int i = 0; i < n; i++) {
      String p = paragraphs.get(random.nextInt(paragraphs.size()));
      String[] words = p.split(" ");
      int at = random.nextInt(words.length);
      if (words[at].contains("<") || words[at].contains(">")) {
        continue;
      }
      words[at] = "altered" + i;
      String changed = String.join(" ", words);
      out = out.replace("<p>" + p + "</p>", "<p>" + changed + "</p>");
      paragraphs.set(paragraphs.indexOf(p), changed);
    }
    return out;
  }

  /** For reading a pair's likeness by hand. */
  static double jaccard(String a, String b) {
    return MinHash.of(a).jaccard(MinHash.of(b));
  }
}
