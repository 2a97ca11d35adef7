package org.broadsheet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a deterministic synthetic news corpus: articles of 300 to 1,000 words about a few
 * dozen recurring people, places and organisations (Zipf-frequent), published over the 20
 * years 2005-2024, as HTML (with a published-time meta tag and a dateline, like a scraped
 * news page) and plain text (title line, dateline, date in the file name). Article {@code i}
 * depends only on the seed and {@code i}, so any size is reproducible and a prefix of a larger
 * corpus is the smaller one.
 */
public final class CorpusGenerator {
  public enum Format { HTML, TXT, MIXED }

  private static final LocalDate FIRST = LocalDate.of(2005, 1, 1);
  private static final int DAYS = 20 * 365 + 5;
  private static final DateTimeFormatter DATELINE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private final long seed;
  private final Format format;
  private final Vocabulary vocab;

  public CorpusGenerator(long seed, Format format) {
    this.seed = seed;
    this.format = format;
    this.vocab = new Vocabulary(seed, 30_000);
  }

  /** What was written. */
  public record Generated(Path dir, int articles, long bytes, long words) {
  }

  /** Writes articles 0..n-1 under {@code dir} (one folder per year), in parallel; existing files are overwritten. */
  public Generated write(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    long[] bytes = new long[n];
    long[] words = new long[n];
    try {
      java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
        Article a = article(i);
        String name = String.format("%s-%07d.%s", a.published.toLocalDate(), i, a.html ? "html" : "txt");
        Path file = dir.resolve(Integer.toString(a.published.getYear())).resolve(name);
        byte[] content = (a.html ? html(a) : text(a)).getBytes(StandardCharsets.UTF_8);
        try {
          Files.createDirectories(file.getParent());
          Files.write(file, content);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        bytes[i] = content.length;
        words[i] = a.words;
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return new Generated(dir, n, java.util.Arrays.stream(bytes).sum(), java.util.Arrays.stream(words).sum());
  }

  record Article(String title, String dateline, List<String> paragraphs, LocalDateTime published, boolean html,
                 int words) {
  }

  Article article(int i) {
    Random r = new Random(seed * 1_000_003L + i);
    LocalDateTime published = FIRST.plusDays(r.nextInt(DAYS)).atTime(6 + r.nextInt(14), r.nextInt(60), r.nextInt(60));
    boolean html = switch (format) {
      case HTML -> true;
      case TXT -> false;
      case MIXED -> r.nextInt(4) != 0;
    };
    // The article's cast: who and what it is about recurs through it.
    String[] people = {person(r), person(r), person(r)};
    String[] places = {place(r), place(r)};
    String[] orgs = {org(r), org(r)};
    String topic = noun(r);
    int target = 300 + r.nextInt(701);
    List<String> paragraphs = new ArrayList<>();
    int words = 0;
    while (words < target) {
      StringBuilder p = new StringBuilder();
      int sentences = 2 + r.nextInt(3);
      for (int s = 0; s < sentences && words < target; s++) {
        String sentence = sentence(r, people, places, orgs, topic);
        words += sentence.split(" ").length;
        if (p.length() > 0) {
          p.append(' ');
        }
        p.append(sentence);
      }
      paragraphs.add(p.toString());
    }
    String title = capitalise(switch (r.nextInt(3)) {
      case 0 -> surname(people[0]) + " " + pick(r, Vocabulary.VERBS_PAST) + " " + topic + " " + pick(r, Vocabulary.ADJECTIVES)
          + " " + noun(r) + " in " + places[0];
      case 1 -> strip(orgs[0]) + " " + pick(r, Vocabulary.VERBS_PAST) + " " + pick(r, Vocabulary.ADJECTIVES) + " " + topic;
      default -> places[0] + " " + topic + " " + pick(r, Vocabulary.NOUNS) + " " + pick(r, Vocabulary.VERBS_PAST);
    });
    String dateline = places[0].toUpperCase(Locale.ENGLISH) + ", " + DATELINE.format(published) + " -";
    return new Article(title, dateline, paragraphs, published, html, words);
  }

  private String sentence(Random r, String[] people, String[] places, String[] orgs, String topic) {
    String person = r.nextInt(5) == 0 ? person(r) : people[r.nextInt(people.length)];
    String place = r.nextInt(5) == 0 ? place(r) : places[r.nextInt(places.length)];
    String org = r.nextInt(5) == 0 ? org(r) : orgs[r.nextInt(orgs.length)];
    String s = switch (r.nextInt(8)) {
      case 0 -> person + " said " + pick(r, Vocabulary.TIMES) + " that the " + adj(r) + " " + topic + " would "
          + pick(r, Vocabulary.VERBS) + " " + np(r) + ".";
      case 1 -> org + " " + pick(r, Vocabulary.VERBS_PAST) + " " + np(r) + " in " + place + " " + pick(r, Vocabulary.TIMES) + ".";
      case 2 -> "\"We will " + pick(r, Vocabulary.VERBS) + " " + np(r) + " " + pick(r, Vocabulary.PREPOSITIONS) + " "
          + np(r) + ",\" " + pick(r, Vocabulary.TITLES) + " " + surname(person) + " told reporters in " + place + ".";
      case 3 -> "According to " + org + ", " + (2 + r.nextInt(900)) + " " + noun(r) + " " + noun(r) + " were "
          + pick(r, Vocabulary.VERBS_PAST) + " " + pick(r, Vocabulary.PREPOSITIONS) + " " + place + " "
          + pick(r, Vocabulary.TIMES) + ".";
      case 4 -> "Officials in " + place + " " + pick(r, Vocabulary.VERBS_PAST) + " the " + topic + " "
          + pick(r, Vocabulary.PREPOSITIONS) + " " + np(r) + ", and " + person + " of " + org + " "
          + pick(r, Vocabulary.VERBS_PAST) + " " + np(r) + ".";
      default -> filler(r, topic);
    };
    return capitalise(s);
  }

  private String filler(Random r, String topic) {
    return "the " + adj(r) + " " + (r.nextBoolean() ? topic : noun(r)) + " " + pick(r, Vocabulary.VERBS_PAST) + " "
        + np(r) + " " + pick(r, Vocabulary.PREPOSITIONS) + " " + np(r) + ", " + pick(r, Vocabulary.ADJECTIVES)
        + " " + noun(r) + " " + pick(r, Vocabulary.VERBS_PAST) + " " + pick(r, Vocabulary.TIMES) + ".";
  }

  private String np(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> "the " + noun(r);
      case 1 -> "a " + adj(r) + " " + noun(r);
      default -> "the " + noun(r) + " " + noun(r);
    };
  }

  private String noun(Random r) {
    return vocab.words[vocab.wordsZipf.next(r)];
  }

  private static String adj(Random r) {
    return pick(r, Vocabulary.ADJECTIVES);
  }

  private String person(Random r) {
    return vocab.people[vocab.peopleZipf.next(r)];
  }

  private String place(Random r) {
    return Vocabulary.PLACES[vocab.placesZipf.next(r)];
  }

  private String org(Random r) {
    return Vocabulary.ORGS[vocab.orgsZipf.next(r)];
  }

  private static String pick(Random r, String[] words) {
    return words[r.nextInt(words.length)];
  }

  private static String surname(String person) {
    return person.substring(person.lastIndexOf(' ') + 1);
  }

  private static String strip(String org) {
    return org.startsWith("the ") ? org.substring(4) : org;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String html(Article a) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(a.title)
        .append("</title>\n<meta property=\"article:published_time\" content=\"")
        .append(a.published.atOffset(ZoneOffset.UTC).toInstant()).append("\">\n</head><body>\n<article>\n<h1>")
        .append(a.title).append("</h1>\n<p class=\"dateline\">").append(a.dateline).append("</p>\n");
    for (String p : a.paragraphs) {
      b.append("<p>").append(p.replace("&", "&amp;").replace("\"", "&quot;")).append("</p>\n");
    }
    return b.append("</article>\n</body></html>\n").toString();
  }

  private static String text(Article a) {
    StringBuilder b = new StringBuilder(8192);
    b.append(a.title).append("\n\n").append(a.dateline).append(' ');
    for (String p : a.paragraphs) {
      b.append(p).append("\n\n");
    }
    return b.toString();
  }
}
