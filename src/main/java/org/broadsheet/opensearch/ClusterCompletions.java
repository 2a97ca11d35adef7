package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.Completion;
import org.broadsheet.search.CompletionEntries;
import org.broadsheet.search.CompletionIndex;
import org.broadsheet.search.EntityWords;

/**
 * The search box's completions from the cluster, the embedded index's answers: the entries that can
 * match the prefix are gathered ({@link CompletionEntries}) and completed by the same
 * {@link CompletionIndex}, so matching (case and accents folded, a name by any of its words) and
 * ranking (articles, then the entry) are the embedded index's. Per look-up:
 * <ol>
 *   <li>the entity keys with the folded prefix anywhere in them (a terms aggregation per named
 *       dimension, {@code include} a regular expression), and every spelling of them in the archive
 *       ({@link ClusterSpellings}): the names in their best spelling with their article counts, and
 *       the words of entity names, which are not offered as words;</li>
 *   <li>the body's terms that start with the prefix, accents folded, as the rewritten query of a
 *       {@code regexp} query lists them ({@code _validate/query?rewrite=true}, per shard), and the
 *       articles using each (a {@code filters} aggregation).</li>
 * </ol>
 * Unlike the embedded index, a word is not first checked to be among the archive's
 * {@link CompletionEntries#MAX_TERMS} most common; and a prefix that starts more than
 * {@link #TERMS_PER_SHARD} terms of a shard is completed with the first of them in term order.
 */
final class ClusterCompletions {
  /** Entity keys counted per dimension. */
  private static final int KEY_BUCKETS = 10_000;
  /** Body terms listed per shard: the cluster's default {@code indices.query.bool.max_clause_count}. */
  static final int TERMS_PER_SHARD = 1_024;
  private static final String[] NAMED = {Fields.FACET_PEOPLE, Fields.FACET_PLACES, Fields.FACET_ORGS};

  private final OpenSearchClient client;
  private final String index;
  private final ClusterSpellings spellings;

  ClusterCompletions(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
    this.spellings = new ClusterSpellings(client, index);
  }

  List<Completion> complete(String prefix, int limit) throws IOException {
    if (prefix == null || prefix.isBlank() || limit < 1) {
      return List.of();
    }
    String typed = prefix.strip();
    Map<String, Map<String, Long>> names = spellings.of(keysContaining(FacetKeys.key(typed)));
    Map<String, Long> allNames = new HashMap<>();
    names.values().forEach(allNames::putAll);
    CompletionEntries entries = new CompletionEntries(EntityWords.of(allNames));
    names.forEach((dim, spelt) -> {
      Map<String, String> best = ClusterSpellings.best(spelt);
      ClusterSpellings.counts(spelt).forEach((key, n) -> entries.entity(dim, best.get(key), n));
    });
    articlesPerTerm(terms(folded(typed))).forEach(entries::word);
    return CompletionIndex.of(entries).lookup(typed, limit);
  }

  /** Dimension → the keys of its values with {@code key} in them (a word of a name may start anywhere in its key). */
  private Map<String, Set<String>> keysContaining(String key) throws IOException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String dim : NAMED) {
      out.put(dim, new LinkedHashSet<>());
    }
    if (key.isEmpty()) {
      return out;
    }
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode aggs = body.putObject("aggs");
    for (String dim : NAMED) {
      aggs.putObject(dim).putObject("terms").put("field", Fields.facetKey(dim)).put("size", KEY_BUCKETS)
          .put("include", ".*" + literal(key) + ".*");
    }
    JsonNode a = client.send("POST", "/" + index + "/_search", body).path("aggregations");
    for (String dim : NAMED) {
      a.path(dim).path("buckets").forEach(b -> out.get(dim).add(b.path("key").asText()));
    }
    return out;
  }

  /**
   * The body's terms (of letters only: the only words offered) whose folded form starts with
   * {@code folded}: a term with accents has its folded twin in the index, but "erdoğan" starts
   * with "erdog" only once folded, so each letter may also be any character outside ASCII.
   */
  private Set<String> terms(String folded) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    if (folded.isEmpty() || !folded.codePoints().allMatch(Character::isLetter)) {
      return out;
    }
    StringBuilder regexp = new StringBuilder();
    folded.codePoints().forEach(c -> {
      String letter = Character.toString(c);
      regexp.append(c < 0x80 ? "(" + letter + "|[^ -\\~])" : letter);
    });
    regexp.append(".*");
    ObjectNode body = client.json().createObjectNode();
    body.putObject("query").putObject("regexp").putObject(Fields.BODY).put("value", regexp.toString())
        .put("rewrite", "top_terms_" + TERMS_PER_SHARD);
    JsonNode answer = client.send("POST", "/" + index + "/_validate/query?rewrite=true&all_shards=true", body);
    String field = Fields.BODY + ":";
    for (JsonNode shard : answer.path("explanations")) {
      for (String clause : shard.path("explanation").asText("").split(" ")) {
        String term = clause.startsWith(field) ? clause.substring(field.length()) : "";
        if (!term.isEmpty() && term.codePoints().allMatch(Character::isLetter) && folded(term).startsWith(folded)) {
          out.add(term);
        }
      }
    }
    return out;
  }

  /** Term → the articles using it. */
  private Map<String, Long> articlesPerTerm(Set<String> terms) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (terms.isEmpty()) {
      return out;
    }
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode filters = body.putObject("aggs").putObject("terms").putObject("filters").putObject("filters");
    terms.forEach(t -> filters.putObject(t).putObject("term").put(Fields.BODY, t));
    JsonNode buckets = client.send("POST", "/" + index + "/_search", body)
        .path("aggregations").path("terms").path("buckets");
    terms.forEach(t -> out.put(t, buckets.path(t).path("doc_count").asLong()));
    return out;
  }

  /** Lower case without accents, as the completions match ({@code CompletionIndex}'s analyzer). */
  private static String folded(String s) {
    char[] lower = s.toLowerCase(Locale.ROOT).toCharArray();
    char[] out = new char[lower.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(lower, 0, out, 0, lower.length);
    return new String(out, 0, n);
  }

  /** {@code s} as a literal in a Lucene regular expression: letters and digits as they are, the rest escaped. */
  private static String literal(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (!Character.isLetterOrDigit(c)) {
        out.append('\\');
      }
      out.appendCodePoint(c);
    });
    return out.toString();
  }
}
