package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.facet.LabelAndValue;
import org.broadsheet.extract.Place;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.EntityWords;
import org.broadsheet.search.MapPlaces;
import org.broadsheet.search.Respelling;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.Spellings;

/**
 * The spelling shown for each entity value, chosen as the embedded index chooses it
 * ({@link Spellings}: diacritics first, then the spelling most articles of the whole archive use),
 * from every value of the dimension in the index, counted once per dimension by a composite
 * aggregation read page by page. One instance serves one state of the index ({@link ClusterSearcher}
 * makes a new one when the index has changed), as the embedded index's spellings serve one reader:
 * searches, completions and entity pages all take theirs from it.
 */
final class ArchiveSpellings {
  /** Values per page of the composite aggregation. */
  private static final int PAGE = 5_000;

  private final OpenSearchClient client;
  private final String index;
  private final Map<String, List<LabelAndValue>> counted = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Name>> names = new ConcurrentHashMap<>();
  private final Spellings spellings;
  private volatile EntityWords words;

  /** One value of a dimension: its folded key, the archive's spelling of it and the articles naming it in any spelling. */
  record Name(String key, String spelling, long articles) {
  }

  ArchiveSpellings(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
    this.spellings = Spellings.of(dim -> counted.computeIfAbsent(dim, this::count));
  }

  /** The archive's spelling of the value {@code label} is one spelling of. */
  String best(String dim, String label) {
    return spellings.best(dim, label);
  }

  /**
   * Key → every value of the dimension once, in the archive's spelling, with the articles naming it
   * (an article has one spelling per key, so the counts of its spellings add up); made once per
   * dimension. What completions offer and entity pages are labelled with.
   */
  Map<String, Name> names(String dim) {
    return names.computeIfAbsent(dim, d -> {
      Map<String, Long> articles = new LinkedHashMap<>();
      for (LabelAndValue lv : counted.computeIfAbsent(d, this::count)) {
        articles.merge(spellings.best(d, lv.label), lv.value.longValue(), Long::sum);
      }
      Map<String, Name> byKey = new LinkedHashMap<>();
      articles.forEach((spelling, n) -> {
        String key = FacetKeys.key(spelling);
        if (!key.isEmpty()) {
          byKey.put(key, new Name(key, spelling, n));
        }
      });
      return byKey;
    });
  }

  /** Each value in the archive's spelling, once, in the given order. */
  List<String> values(List<String> values, String dim) {
    return Respelling.values(values, spellings, dim);
  }

  /** The map's places from the places counts of a result (value → articles). */
  List<SearchResult.MapPlace> map(Map<String, Long> places, Function<String, Optional<Place>> gazetteer) {
    LabelAndValue[] lvs = places.entrySet().stream()
        .map(e -> new LabelAndValue(e.getKey(), e.getValue())).toArray(LabelAndValue[]::new);
    return MapPlaces.of(lvs, spellings, gazetteer);
  }

  /** The words of the archive's entity names, for "did you mean"; built on first use. */
  EntityWords entityWords() {
    EntityWords w = words;
    if (w == null) {
      synchronized (this) {
        if (words == null) {
          words = new EntityWords(spellings);
        }
        w = words;
      }
    }
    return w;
  }

  private List<LabelAndValue> count(String dim) {
    if (dim.equals(Fields.FACET_PUBLISHED)) {
      return List.of();
    }
    try {
      List<LabelAndValue> out = new ArrayList<>();
      JsonNode after = null;
      do {
        ObjectNode body = client.json().createObjectNode();
        body.put("size", 0).put("track_total_hits", false);
        ObjectNode composite = body.putObject("aggs").putObject("values").putObject("composite");
        composite.put("size", PAGE);
        composite.putArray("sources").addObject().putObject("v").putObject("terms").put("field", Fields.facetValues(dim));
        if (after != null) {
          composite.set("after", after);
        }
        JsonNode values = client.send("POST", "/" + index + "/_search", body).path("aggregations").path("values");
        for (JsonNode b : values.path("buckets")) {
          out.add(new LabelAndValue(b.path("key").path("v").asText(), b.path("doc_count").asLong()));
        }
        after = values.path("buckets").size() < PAGE ? null : values.get("after_key");
      } while (after != null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
