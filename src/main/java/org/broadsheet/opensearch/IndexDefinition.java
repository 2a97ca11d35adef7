package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.Fields;

/**
 * The settings and mappings of the articles' index and of its bookkeeping index: Broadsheet's
 * analysis ({@link org.broadsheet.index.ArchiveAnalyzer}) as OpenSearch analysis settings, and
 * every field of {@link org.broadsheet.index.DocumentBuilder} as a mapping.
 *
 * <p>The analysis, token filter by token filter: apostrophes mapped to ', whitespace tokens,
 * {@code word_delimiter_graph} with word and number parts, catenated words and numbers and the
 * English possessive stripped (and nothing else: no split on case change or on numerics, as in
 * ours), lower case, {@code asciifolding} keeping the original (our {@code FoldedVariantFilter}
 * without its query-time weight, which the translated queries carry), then {@code kstem}. The
 * index analyzer flattens the graph as ours does. Queries are analysed by our own parser before
 * they are translated ({@link QueryTranslator}), so the search analyzer matters only to
 * highlighting and {@code more_like_this}.
 *
 * <p>Text fields keep offsets in the postings, as the Lucene index does, for highlighting. Facet
 * values are keyword fields ({@link Fields#facetValues}) counted by terms aggregations; their
 * folded keys ({@link Fields#facetKey}) are what filters select, as in the Lucene index.
 */
final class IndexDefinition {
  static final String INDEX_ANALYZER = "broadsheet_index";
  static final String QUERY_ANALYZER = "broadsheet_query";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private IndexDefinition() {
  }

  /**
   * The articles' index.
   *
   * @param shards   primary shards: 1 keeps a small archive's scores those of one Lucene index;
   *                 a large one wants about one per 30 GB
   * @param replicas copies of each shard on other nodes
   */
  static ObjectNode articles(int shards, int replicas) {
    ObjectNode body = JSON.objectNode();
    body.putObject("aliases"); // filled in by the caller: the index is reached through its alias
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    // Our queries are bounded by QueryLimits; this only has to let them through.
    index.put("max_result_window", 10_000);
    index.set("analysis", analysis());
    ObjectNode mappings = body.putObject("mappings").put("dynamic", "strict");
    mappings.putObject("_meta").put(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION);
    ObjectNode props = mappings.putObject("properties");
    keyword(props, Fields.ID);
    props.putObject(Fields.ORDER_KEY).put("type", "long");
    keyword(props, Fields.GROUP);
    keyword(props, Fields.COPY_BAND);
    props.putObject(Fields.INDEXED).put("type", "long");
    // The bookkeeping, in the article's own document: it commits with the article, as in Lucene.
    keyword(props, Fields.ROOT);
    keyword(props, Fields.HASH);
    keyword(props, Fields.FILE_URI);
    keyword(props, Fields.STAMP);
    storedOnly(props, Fields.PATH);
    text(props, Fields.TITLE);
    text(props, Fields.BODY);
    props.putObject(Fields.BODY_START).put("type", "integer");
    for (String f : new String[] {Fields.BYLINE, Fields.SOURCE, Fields.LANGUAGE, Fields.CONTENT_TYPE,
        Fields.PUBLISHED_FROM, Fields.MENTIONS, Fields.EXTRACTED_MENTIONS, Fields.MENTIONED, Fields.COUNTRY}) {
      storedOnly(props, f);
    }
    props.putObject(Fields.PUBLISHED).put("type", "date").put("format", "epoch_millis");
    for (String field : new String[] {Fields.PERSON, Fields.PLACE, Fields.ORG}) {
      text(props, field).put("position_increment_gap", ArchiveAnalyzer.ENTITY_VALUE_GAP);
    }
    keyword(props, Fields.EXTRACTED_KEY);
    for (String dim : Fields.FACET_DIMS) {
      if (!dim.equals(Fields.FACET_PUBLISHED)) { // the published date is a date field: histogram and ranges
        keyword(props, Fields.facetValues(dim));
      }
    }
    for (String dim : Fields.ENTITY_FACETS) {
      keyword(props, Fields.facetKey(dim));
    }
    return body;
  }

  static ObjectNode analysis() {
    ObjectNode analysis = JSON.objectNode();
    ObjectNode apostrophes = analysis.putObject("char_filter").putObject("apostrophes");
    apostrophes.put("type", "mapping");
    apostrophes.putArray("mappings").add("\\u2019=>'").add("\\u2018=>'").add("\\u02BC=>'");
    ObjectNode filters = analysis.putObject("filter");
    filters.putObject("parts")
        .put("type", "word_delimiter_graph")
        .put("generate_word_parts", true)
        .put("generate_number_parts", true)
        .put("catenate_words", true)
        .put("catenate_numbers", true)
        .put("catenate_all", false)
        .put("split_on_case_change", false)
        .put("split_on_numerics", false)
        .put("preserve_original", false)
        .put("stem_english_possessive", true)
        .put("adjust_offsets", true);
    filters.putObject("folded_too").put("type", "asciifolding").put("preserve_original", true);
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzer(analyzers.putObject(INDEX_ANALYZER), "parts", "flatten_graph", "lowercase", "folded_too", "kstem");
    analyzer(analyzers.putObject(QUERY_ANALYZER), "parts", "lowercase", "folded_too", "kstem");
    return analysis;
  }

  private static void analyzer(ObjectNode a, String... filters) {
    a.put("type", "custom").put("tokenizer", "whitespace");
    a.putArray("char_filter").add("apostrophes");
    var f = a.putArray("filter");
    for (String name : filters) {
      f.add(name);
    }
  }

  private static void keyword(ObjectNode props, String field) {
    props.putObject(field).put("type", "keyword");
  }

  /** Kept in the source for hits and the article view, neither indexed nor counted. */
  private static void storedOnly(ObjectNode props, String field) {
    props.putObject(field).put("type", "keyword").put("index", false).put("doc_values", false);
  }

  private static ObjectNode text(ObjectNode props, String field) {
    return props.putObject(field)
        .put("type", "text")
        .put("analyzer", INDEX_ANALYZER)
        .put("search_analyzer", QUERY_ANALYZER)
        .put("index_options", "offsets");
  }
}
