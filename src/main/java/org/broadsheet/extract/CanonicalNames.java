package org.broadsheet.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Name normalisation shared by extraction and indexing. {@link #key} is the identity of a
 * name across the archive: two spellings with the same key are one entity, so the indexer
 * can group facet values by it and show the best spelling ({@link #preferSpelling}).
 */
public final class CanonicalNames {
  private CanonicalNames() {
  }

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern JOINERS = Pattern.compile("['.]");
  private static final Pattern NON_KEY = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Titles and honorifics that precede a name but are not part of it ("President Recep Tayyip
   * Erdoğan" is the person "Recep Tayyip Erdoğan"). Lower case, without a trailing dot.
   */
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "miss", "mister", "madam", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
      "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "general", "gen",
      "governor", "gov", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
      "mayor", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "crown", "pope", "cardinal",
      "archbishop", "bishop", "rev", "reverend", "father", "rabbi", "imam", "ayatollah",
      "judge", "justice", "chief", "chairman", "chairwoman", "chair", "director", "ambassador", "envoy",
      "spokesman", "spokeswoman", "spokesperson", "commander", "col", "colonel", "lt", "lieutenant", "maj",
      "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral", "marshal", "field", "foreign",
      "defense", "defence", "finance", "interior", "deputy", "acting", "former", "late", "leader", "officer",
      "ceo", "chief executive", "speaker", "st", "saint", "mp", "mk", "exchequer", "treasury");

  /** Words that are never an entity on their own: pronouns and the like, which NER sometimes tags. */
  private static final Set<String> NEVER_ENTITIES = Set.of(
      "he", "she", "it", "they", "we", "i", "you", "him", "her", "his", "hers", "its", "their", "them",
      "our", "us", "me", "my", "your", "this", "that", "these", "those", "who", "whom", "which", "the", "a",
      "an", "mr", "mrs", "ms", "dr");

  /** ASCII-folded, lower-case, letters and digits only: "Erdoğan", "ERDOGAN" and "U.S." / "US" agree. */
  public static String key(String name) {
    if (isAscii(name)) {
      return asciiKey(name); // most names: the same key in one pass, without the regexes (2 % of extraction)
    }
    // Dots and apostrophes join ("U.S." = "US", "d'Ivoire" = "dIvoire"); other punctuation separates.
    String folded = JOINERS.matcher(fold(name).toLowerCase(Locale.ROOT)).replaceAll("");
    return NON_KEY.matcher(folded).replaceAll(" ").strip();
  }

  /** {@link #key} of an ASCII name: joiners dropped, letters and digits lower-cased, every other run one space. */
  static String asciiKey(String name) {
    StringBuilder key = new StringBuilder(name.length());
    boolean gap = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '\'') {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && key.length() > 0) {
          key.append(' ');
        }
        gap = false;
        key.append(c);
      } else {
        gap = true;
      }
    }
    return key.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Removes diacritics (and maps a few letters that do not decompose, such as ı, ł, ø, ß). */
  public static String fold(String s) {
    if (isAscii(s)) {
      return s; // nothing to decompose or map
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    d = COMBINING_MARKS.matcher(d).replaceAll("");
    StringBuilder out = null;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      String r = switch (c) {
        case 'ı' -> "i";
        case 'İ' -> "I";
        case 'ł' -> "l";
        case 'Ł' -> "L";
        case 'ø' -> "o";
        case 'Ø' -> "O";
        case 'ß' -> "ss";
        case 'æ' -> "ae";
        case 'Æ' -> "AE";
        case 'đ' -> "d";
        case 'Đ' -> "D";
        case '’', '‘', 'ʼ' -> "'";
        default -> null;
      };
      if (r != null && out == null) {
        out = new StringBuilder(d.length()).append(d, 0, i);
      }
      if (out != null) {
        out.append(r != null ? r : String.valueOf(c));
      }
    }
    return out == null ? d : out.toString();
  }

  public static boolean isTitle(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    return TITLES.contains(w);
  }

  /** True for text that must never become an entity: pronouns, lone titles, numbers, single letters. */
  public static boolean isNoise(String text) {
    String t = text.strip();
    String k = key(t);
    // "US" and "WHO" in capitals are names, "us" and "who" are not.
    if (k.length() < 2 || (NEVER_ENTITIES.contains(k) && !isAllCaps(t))) {
      return true;
    }
    if (!t.chars().anyMatch(Character::isLetter)) {
      return true;
    }
    for (String w : t.split("\\s+")) {
      if (!isTitle(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Of two spellings of the same entity, the one to show: the one with diacritics (the
   * writer's own spelling, "Erdoğan" over "Erdogan"), then mixed case over all capitals
   * (datelines shout: "NEW YORK"), then the longer, then the first.
   */
  public static String preferSpelling(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    int da = nonAscii(a);
    int db = nonAscii(b);
    if (da != db) {
      return da > db ? a : b;
    }
    boolean ua = isAllCaps(a);
    boolean ub = isAllCaps(b);
    if (ua != ub) {
      return ua ? b : a;
    }
    return b.length() > a.length() ? b : a;
  }

  /** True when every letter is upper case and there are at least two letters. */
  public static boolean isAllCaps(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  /** "NEW YORK" → "New York": how to show a name only ever seen in capitals. */
  public static String titleCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c) && c != '\'';
    }
    return out.toString();
  }

  /** How many characters are outside ASCII: a spelling with diacritics is the writer's own. */
  static int nonAscii(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 127 && Character.isLetter(c)) {
        n++;
      }
    }
    return n;
  }
}
