package org.broadsheet.index;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.broadsheet.extract.ArchiveAliases;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Mention;
import org.broadsheet.extract.NameRule;

/**
 * Gathers {@link ArchiveAliases.Stats} from an index's stored mentions as extracted (before any
 * correction, so neither the derived aliases nor the people's rules feed back into what is
 * derived). Streams: one document at a time, leaf by leaf, reading only the two mention fields
 * and the published column; what it keeps is a counter and a month range per distinct value and
 * a counter per abbreviation definition, never the articles.
 */
public final class ArchiveStatistics {
  private ArchiveStatistics() {
  }

  /** Per value key: its spellings (with counts), articles and month range. */
  private static final class Tally {
    final EntityType type;
    final Map<String, Integer> spellings = new HashMap<>(2);
    int articles;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;

    Tally(EntityType type) {
      this.type = type;
    }

    ArchiveAliases.ValueStats stats() {
      String best = null;
      int bestCount = 0;
      for (Map.Entry<String, Integer> e : spellings.entrySet()) {
        if (best == null || FacetKeys.better(e.getKey(), e.getValue(), best, bestCount)) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      return new ArchiveAliases.ValueStats(type, best, articles, month(first), month(last));
    }

    private static YearMonth month(int m) {
      return m == Integer.MAX_VALUE || m == Integer.MIN_VALUE ? null : YearMonth.of(m / 12, m % 12 + 1);
    }
  }

  /** The statistics of every live document {@code reader} sees. */
  public static ArchiveAliases.Stats of(IndexReader reader) throws IOException {
    Gathering gathering = new Gathering();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      NumericDocValues published = r.getNumericDocValues(Fields.PUBLISHED);
      for (int d = 0; d < r.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(Fields.MENTIONS, Fields.EXTRACTED_MENTIONS);
        stored.document(d, visitor);
        Document doc = visitor.getDocument();
        String json = doc.get(Fields.EXTRACTED_MENTIONS) != null ? doc.get(Fields.EXTRACTED_MENTIONS)
            : doc.get(Fields.MENTIONS);
        if (json == null) {
          continue;
        }
        gathering.article(StoredMentions.read(json),
            published != null && published.advanceExact(d) ? published.longValue() : null);
      }
    }
    return gathering.stats();
  }

  /**
   * The statistics gathered one article at a time, whichever engine stores the articles (the
   * cluster's are read page by page): a counter and a month range per distinct value, a counter per
   * abbreviation definition.
   */
  public static final class Gathering {
    private final Map<String, Tally> values = new HashMap<>();
    private final Map<String, int[]> definitions = new HashMap<>(); // "abbreviation\0expansion" → articles
    private final Map<String, String> abbreviations = new HashMap<>(); // the same key → the abbreviation as written

    /**
     * One article.
     *
     * @param mentions  its mentions as extracted (before any correction)
     * @param published its published time in epoch milliseconds; null when it has none
     */
    public void article(List<Mention> mentions, Long published) {
      count(mentions, published == null ? -1 : monthOf(published), values, definitions, abbreviations);
    }

    public ArchiveAliases.Stats stats() {
      List<ArchiveAliases.ValueStats> valueStats = new ArrayList<>(values.size());
      values.values().forEach(t -> valueStats.add(t.stats()));
      List<ArchiveAliases.Definition> defs = new ArrayList<>(definitions.size());
      definitions.forEach((k, n) -> defs.add(new ArchiveAliases.Definition(abbreviations.get(k),
          k.substring(k.indexOf('\0') + 1), n[0])));
      return new ArchiveAliases.Stats(valueStats, defs);
    }
  }

  /** One article's mentions: each distinct value and definition once. */
  private static void count(List<Mention> mentions, int month, Map<String, Tally> values,
                            Map<String, int[]> definitions, Map<String, String> abbreviations) {
    Set<String> seenValues = new HashSet<>();
    Set<String> seenDefinitions = new HashSet<>();
    for (Mention m : mentions) {
      String value = m.name();
      String valueKey = m.type() == EntityType.DATE || value == null ? "" : FacetKeys.key(value);
      if (valueKey.isEmpty()) {
        continue;
      }
      String key = m.type().label() + '\0' + valueKey;
      Tally t = values.computeIfAbsent(key, k -> new Tally(m.type()));
      t.spellings.merge(value.strip(), 1, Integer::sum);
      if (seenValues.add(key)) {
        t.articles++;
        if (month >= 0) {
          t.first = Math.min(t.first, month);
          t.last = Math.max(t.last, month);
        }
      }
      String textKey;
      if (m.type() == EntityType.ORGANIZATION && NameRule.ABBREVIATION_IN_ARTICLE.label().equals(m.rule())
          && !(textKey = FacetKeys.key(m.text())).equals(valueKey)) {
        String def = textKey + '\0' + value.strip();
        abbreviations.putIfAbsent(def, m.text().strip());
        if (seenDefinitions.add(def)) {
          definitions.computeIfAbsent(def, k -> new int[1])[0]++;
        }
      }
    }
  }

  private static int monthOf(long millis) {
    var t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
    return t.getYear() * 12 + t.getMonthValue() - 1;
  }
}
