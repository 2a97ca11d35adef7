package org.broadsheet.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.LabelAndValue;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * The words of the archive's entity names, each in its best spelling: what a respelt word is shown
 * as, so a correction of "Erdogen" (the index's folded term "erdogan") reads "Erdoğan". Built once
 * per index reader from the facet values of people, places and organisations; among spellings of
 * one word, diacritics win, then the one more articles use ({@link FacetKeys#better}).
 */
public final class EntityWords {
  /** Words shorter than this are initials and particles, never respelt. */
  private static final int MIN_LETTERS = 3;

  private record Spelling(String word, long count) {
  }

  private final Map<String, Spelling> byKey = new HashMap<>();

  public EntityWords(Spellings spellings) {
    for (String dim : new String[] {Fields.FACET_PEOPLE, Fields.FACET_PLACES, Fields.FACET_ORGS}) {
      for (LabelAndValue lv : spellings.all(dim)) {
        addName(lv.label, lv.value.longValue());
      }
    }
  }

  private EntityWords() {
  }

  /** The words of these entity names (of any named dimension), each name with its article count. */
  public static EntityWords of(Map<String, Long> names) {
    EntityWords out = new EntityWords();
    names.forEach(out::addName);
    return out;
  }

  private void addName(String name, long count) {
    for (String word : name.split("[\\s,.()\\[\\]\"/]+")) {
      if (word.codePoints().filter(Character::isLetter).count() >= MIN_LETTERS) {
        add(word, count);
      }
    }
  }

  private void add(String word, long count) {
    String key = key(word);
    byKey.merge(key, new Spelling(word, count), (a, b) -> {
      long total = a.count() + b.count();
      return FacetKeys.better(b.word(), b.count(), a.word(), a.count())
          ? new Spelling(b.word(), total) : new Spelling(a.word(), total);
    });
  }

  /** The best spelling of the entity word whose folded form {@code word} is, or null when it is none. */
  public String spelling(String word) {
    Spelling s = byKey.get(key(word));
    return s == null ? null : s.word();
  }

  /**
   * {@link FacetKeys#key} of one word, without its Unicode decomposition and regular expressions for
   * a word of lower-case ASCII letters (most words of an index), which is its own key.
   */
  public static String key(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return FacetKeys.key(word);
      }
    }
    return word;
  }
}
