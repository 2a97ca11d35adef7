package org.broadsheet.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredMentions;

/**
 * The spellings an entity's articles write it with, and the country its mentions most often carry,
 * read from the stored mentions of a sample of its articles (whichever engine stores them).
 */
public final class EntityAliases {
  /**
   * Articles whose stored mentions are read for the spellings: reading one decompresses its stored
   * block, so the spellings are those of the first 500 articles (by index order), enough to see
   * every common spelling while bounding the work of a page for an entity in 100,000 articles.
   */
  public static final int SAMPLE = 500;

  private final String dim;
  private final String key;
  private final Map<String, Long> texts = new HashMap<>();
  private final Map<String, Long> countries = new HashMap<>();

  /** The entity: its dimension and its key ({@link FacetKeys#key}). */
  public EntityAliases(String dim, String key) {
    this.dim = dim;
    this.key = key;
  }

  /** Reads one article's stored mentions ({@link Fields#MENTIONS}; null when it has none). */
  public void add(String storedMentions) {
    Set<String> inThis = new HashSet<>();
    String countryHere = null;
    for (Mention mention : StoredMentions.read(storedMentions)) {
      String value = mention.name();
      if (dim.equals(Fields.dimOf(mention.type())) && key.equals(FacetKeys.key(value))) {
        inThis.add(mention.text().strip().replaceAll("\\s+", " "));
        if (mention.country() != null) {
          countryHere = mention.country();
        }
      }
    }
    inThis.forEach(t -> texts.merge(t, 1L, Long::sum));
    if (countryHere != null) {
      countries.merge(countryHere, 1L, Long::sum);
    }
  }

  /** The spellings, by the number of articles using each, then alphabetically. */
  public List<EntityPage.Alias> aliases() {
    return texts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new EntityPage.Alias(e.getKey(), e.getValue()))
        .toList();
  }

  /** The country most of the articles read give the entity's mentions, or null. */
  public String country() {
    return countries.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }
}
