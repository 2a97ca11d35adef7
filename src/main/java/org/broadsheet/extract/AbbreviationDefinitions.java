package org.broadsheet.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations an article defines, right after the organisation's name: in brackets
 * ("International Monetary Fund (IMF)", "Anadolu Agency (AA)") or between commas when its letters
 * are the name's initials ("the Securities and Exchange Commission, SEC, said"). Stateless.
 */
final class AbbreviationDefinitions {

  /** An abbreviation in brackets right after a name. */
  private static final Pattern BRACKETED = Pattern.compile("\\G\\s*\\((\\p{Lu}[\\p{Lu}&.\\d-]{1,9})\\)");

  /** An abbreviation between commas right after a name: accepted only when it spells the initials. */
  private static final Pattern BETWEEN_COMMAS = Pattern.compile("\\G\\s*,\\s*(\\p{Lu}[\\p{Lu}&.]{1,9})\\s*,");

  /** Words an abbreviation usually skips: "Securities and Exchange Commission" is SEC. */
  private static final java.util.Set<String> SMALL_WORDS = java.util.Set.of("and", "of", "the", "for", "on", "in", "&");

  private AbbreviationDefinitions() {
  }

  /** By the abbreviation's key, the name it was defined for. */
  static Map<String, String> find(String text, List<Candidate> candidates) {
    Map<String, String> out = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.type != EntityType.ORGANIZATION) {
        continue;
      }
      int to = Math.min(text.length(), c.end + 16);
      Matcher m = BRACKETED.matcher(text).region(c.end, to);
      String abbreviation = null;
      if (m.find()) {
        abbreviation = m.group(1);
      } else {
        m = BETWEEN_COMMAS.matcher(text).region(c.end, to);
        if (m.find() && spellsInitials(m.group(1), c.surface)) {
          abbreviation = m.group(1);
        }
      }
      if (abbreviation != null && !abbreviation.equals(c.surface)) {
        out.putIfAbsent(CanonicalNames.key(abbreviation), c.surface);
      }
    }
    return out;
  }

  /** True when the abbreviation's letters are, in order, the initials of the name's main words. */
  static boolean spellsInitials(String abbreviation, String name) {
    String letters = abbreviation.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    StringBuilder initials = new StringBuilder();
    for (String word : name.split("[\\s-]+")) {
      if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        initials.append(Character.toLowerCase(word.charAt(0)));
      }
    }
    return letters.length() >= 2 && initials.toString().equals(letters);
  }
}
