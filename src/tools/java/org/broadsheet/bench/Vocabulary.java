package org.broadsheet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The synthetic corpus's words, written for the benchmark: a few hundred everyday news
 * words, a long tail of made-up words built from syllables (real archives have hundreds
 * of thousands of distinct terms, most of them rare), and a few dozen recurring people,
 * places and organisations. Every draw is Zipf-distributed, so a few words and names are
 * everywhere and most are rare, as in real news.
 */
final class Vocabulary {
  static final String[] GIVEN = {"Maria", "James", "Amina", "Daniel", "Sofia", "Omar", "Elena", "Victor", "Grace",
      "Tomas", "Leila", "Henry", "Nadia", "Pavel", "Rosa", "Samuel", "Ingrid", "Kwame", "Lucia", "Arjun"};
  static final String[] FAMILY = {"Okafor", "Lindqvist", "Haddad", "Moreau", "Castellano", "Whitfield", "Nakamura",
      "Brennan", "Kowalski", "Adeyemi", "Ferreira", "Hollis", "Varga", "Mendes", "Osei", "Larsen", "Quinlan",
      "Petrov", "Delgado", "Ashford"};
  /** Real place names, so the recogniser and the gazetteer see what they see in news. */
  static final String[] PLACES = {"London", "Paris", "Nairobi", "Lisbon", "Ottawa", "Jakarta", "Lima", "Cairo",
      "Oslo", "Manila", "Warsaw", "Dublin", "Accra", "Madrid", "Chicago", "Mumbai", "Santiago", "Vienna", "Hanoi",
      "Dakar", "Brazil", "Germany", "Kenya", "Japan", "Canada", "Mexico", "Egypt", "Norway", "Chile", "Poland",
      "Texas", "Bavaria", "Ontario", "Sicily", "Patagonia", "the Balkans"};
  /** Made-up organisations with the shapes of real ones. */
  static final String[] ORGS = {"the Northern Grain Council", "Meridian Bank", "the Coastal Shipping Authority",
      "Halvorsen Steel", "the Federal Water Board", "Unity Party", "Bluefield Energy", "the Harbour Workers Union",
      "Castell Pharmaceuticals", "the National Statistics Office", "Orion Airlines", "the Central Bank",
      "Pemberton Motors", "the Ministry of Agriculture", "Greenway Foods", "the Supreme Court",
      "Atlas Telecom", "the Farmers Cooperative", "Silverline Rail", "the World Health Organization",
      "Kestrel Mining", "the Chamber of Commerce", "Northgate Insurance", "the Port Authority"};
  static final String[] TITLES = {"President", "Minister", "Governor", "Senator", "Mayor", "Chief Executive", "Judge",
      "General", "Spokeswoman", "Spokesman"};

  static final String[] NOUNS = ("government market price report deal plan talks agreement vote election crisis "
      + "company bank shares oil gas grain wheat coffee cocoa sugar steel exports imports trade budget deficit tax "
      + "rates inflation growth output profit loss revenue debt bond loan investors officials police court ruling "
      + "law bill parliament minister leader party campaign protest strike workers union wages jobs factory plant "
      + "harvest crop drought flood storm rain weather season year week month quarter analysts figures data survey "
      + "demand supply shipment port airport railway road bridge project contract tender bid offer stake merger "
      + "acquisition board chairman director spokesman statement interview conference summit meeting delegation "
      + "ceasefire troops border army security attack aid refugees hospital health vaccine school students city "
      + "region province village farmers fishermen energy power electricity water prices currency dollar euro "
      + "exchange stock index fund pension reform policy regulation inquiry investigation scandal court sentence "
      + "appeal verdict evidence witness record history museum festival film music team match season coach fans "
      + "stadium championship title victory defeat goal players council committee agency authority commission").split(" ");
  static final String[] VERBS_PAST = ("said announced reported rose fell agreed rejected approved warned denied "
      + "signed launched opened closed raised cut increased reduced expected planned urged called won lost "
      + "accused welcomed criticised confirmed estimated forecast delayed blocked backed sold bought shipped "
      + "recorded reached ended began halted resumed").split(" ");
  static final String[] VERBS = ("raise cut approve reject sign review delay extend expand reduce support oppose "
      + "restore rebuild export import finance open close resume halt investigate consider announce").split(" ");
  static final String[] ADJECTIVES = ("new major local national foreign economic political final early late "
      + "strong weak high low higher lower record annual monthly weekly dry wet heavy light small large key "
      + "senior former public private federal regional central northern southern eastern western international "
      + "domestic rural urban temporary permanent joint independent official preliminary").split(" ");
  static final String[] PREPOSITIONS = "in at on after before during despite amid over under near against".split(" ");
  static final String[] TIMES = ("on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|at the weekend|last week|"
      + "earlier this month|this year|last year|in the first quarter|by the end of the year|next month").split("\\|");
  static final String[] SYLLABLES = ("ka lo mi ra ten vor bel sim dra qua nor pel fin gar ost ul zen bri tav mon "
      + "cal ver dan sol rik hal tre mar len cos pra gel vin").split(" ");

  final String[] people;
  final Zipf peopleZipf;
  final Zipf placesZipf;
  final Zipf orgsZipf;
  /** Common nouns then made-up rare words; drawn by Zipf rank. */
  final String[] words;
  final Zipf wordsZipf;

  /**
   * @param rareWords size of the made-up tail of the vocabulary
   */
  Vocabulary(long seed, int rareWords) {
    Random r = new Random(seed);
    // 40 people: a fixed pairing of given and family names.
    List<String> ps = new ArrayList<>();
    for (int i = 0; ps.size() < 40; i++) {
      String p = GIVEN[(i * 7 + r.nextInt(3)) % GIVEN.length] + " " + FAMILY[i % FAMILY.length];
      if (!ps.contains(p)) {
        ps.add(p);
      }
    }
    people = ps.toArray(String[]::new);
    peopleZipf = new Zipf(people.length, 1.0);
    placesZipf = new Zipf(PLACES.length, 1.0);
    orgsZipf = new Zipf(ORGS.length, 1.0);
    List<String> ws = new ArrayList<>(List.of(NOUNS));
    java.util.Set<String> seen = new java.util.HashSet<>(ws);
    while (ws.size() < NOUNS.length + rareWords) {
      int n = 2 + r.nextInt(3);
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < n; i++) {
        w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      if (seen.add(w.toString())) {
        ws.add(w.toString());
      }
    }
    words = ws.toArray(String[]::new);
    wordsZipf = new Zipf(words.length, 1.05);
  }

  /** Draws ranks 0..n-1 with probability proportional to 1 / (rank+1)^s. */
  static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double s) {
      cumulative = new double[n];
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += 1.0 / Math.pow(k + 1, s);
        cumulative[k] = sum;
      }
      for (int k = 0; k < n; k++) {
        cumulative[k] /= sum;
      }
    }

    int next(Random r) {
      int i = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
      return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
  }
}
