package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.Bookkeeping;
import org.broadsheet.index.CollectionName;
import org.broadsheet.index.CopyMark;
import org.broadsheet.index.Corrections;
import org.broadsheet.index.DocumentBuilder;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredMentions;
import org.broadsheet.ingest.Article;

/**
 * An article as an OpenSearch document: the same fields, values and corrections as
 * {@link DocumentBuilder}'s Lucene document, in {@link IndexDefinition}'s mapping. Entity values are
 * reduced to one spelling per folded key, as there, so that an article counts once per key.
 */
final class ArticleDocument {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Corrections corrections;

  ArticleDocument(Corrections corrections) {
    this.corrections = corrections;
  }

  /** The article's document but for its group of copies, which {@link #copies} adds once it is known. */
  ObjectNode build(Article a, Extraction extracted, Bookkeeping file) {
    ObjectNode doc = JSON.objectNode();
    doc.put(Fields.ID, a.id());
    doc.put(Fields.ORDER_KEY, DocumentBuilder.orderKey(a.id()));
    String collection = CollectionName.of(file);
    if (collection != null) {
      doc.put(Fields.facetValues(Fields.FACET_COLLECTION), collection);
    }
    doc.put(Fields.ROOT, file.root());
    doc.put(Fields.HASH, file.hash());
    doc.put(Fields.FILE_URI, file.uri());
    doc.put(Fields.STAMP, file.stamp());
    doc.put(Fields.PATH, a.path());
    doc.put(Fields.TITLE, a.title());
    doc.put(Fields.BODY, a.text());
    doc.put(Fields.BODY_START, a.bodyStart());
    putIfPresent(doc, Fields.BYLINE, a.byline());
    putIfPresent(doc, Fields.SOURCE, a.source());
    putIfPresent(doc, Fields.LANGUAGE, a.language());
    putIfPresent(doc, Fields.CONTENT_TYPE, a.contentType());
    if (a.published() != null) {
      doc.put(Fields.PUBLISHED, a.published().toEpochMilli());
      doc.put(Fields.PUBLISHED_FROM, a.publishedFrom().label());
    }
    putEntities(doc, extracted);
    return doc;
  }

  /** Adds the article's place among copies of one story to its document: its group, bands and time indexed. */
  static void copies(ObjectNode doc, CopyMark copies) {
    doc.put(Fields.GROUP, copies.group());
    ArrayNode bands = doc.putArray(Fields.COPY_BAND);
    for (String band : copies.signature().bands()) {
      bands.add(band);
    }
    doc.put(Fields.INDEXED, copies.indexed());
  }

  /**
   * The fields of an article's document that its extraction and the corrections make: the entity
   * values and keys, countries, dates mentioned, the mentions (and, when corrected, the mentions as
   * extracted, so that a later change of corrections can recompute these). What a change of
   * corrections rewrites, as a partial update: a field that is now absent is null.
   */
  ObjectNode entities(Extraction extracted) {
    ObjectNode doc = JSON.objectNode();
    putEntities(doc, extracted);
    for (String f : new String[] {Fields.MENTIONS, Fields.EXTRACTED_MENTIONS}) {
      if (!doc.has(f)) {
        doc.putNull(f);
      }
    }
    return doc;
  }

  private void putEntities(ObjectNode doc, Extraction extracted) {
    Extraction x = corrections.apply(extracted);
    addEntities(doc, x, EntityType.PERSON, Fields.PERSON, Fields.FACET_PEOPLE);
    addEntities(doc, x, EntityType.PLACE, Fields.PLACE, Fields.FACET_PLACES);
    addEntities(doc, x, EntityType.ORGANIZATION, Fields.ORG, Fields.FACET_ORGS);
    ArrayNode countries = doc.putArray(Fields.facetValues(Fields.FACET_COUNTRIES));
    ArrayNode countryKeys = doc.putArray(Fields.facetKey(Fields.FACET_COUNTRIES));
    for (String code : x.countries()) {
      countries.add(code);
      countryKeys.add(FacetKeys.key(code));
    }
    Set<String> years = new TreeSet<>();
    ArrayNode mentioned = doc.putArray(Fields.MENTIONED);
    for (String date : x.canonical(EntityType.DATE)) {
      mentioned.add(date);
      years.add(date.substring(0, 4));
    }
    ArrayNode yearValues = doc.putArray(Fields.facetValues(Fields.FACET_MENTIONED));
    years.forEach(yearValues::add);
    if (!x.mentions().isEmpty()) {
      doc.put(Fields.MENTIONS, StoredMentions.write(x.mentions()));
    }
    if (!x.equals(extracted)) {
      doc.put(Fields.EXTRACTED_MENTIONS, StoredMentions.write(extracted.mentions()));
    }
    ArrayNode keys = doc.putArray(Fields.EXTRACTED_KEY);
    Set<String> seen = new TreeSet<>();
    for (Mention m : extracted.mentions()) {
      String dim = Fields.dimOf(m.type());
      String value = m.name();
      if (dim != null && value != null && !FacetKeys.key(value).isEmpty() && seen.add(Fields.extractedKey(dim, value))) {
        keys.add(Fields.extractedKey(dim, value));
      }
    }
  }

  private static void addEntities(ObjectNode doc, Extraction x, EntityType type, String field, String dim) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String value : x.canonical(type)) {
      byKey.merge(FacetKeys.key(value), value.strip(), (a, b) -> FacetKeys.better(b, 1, a, 1) ? b : a);
    }
    ArrayNode text = doc.putArray(field);
    ArrayNode values = doc.putArray(Fields.facetValues(dim));
    ArrayNode keys = doc.putArray(Fields.facetKey(dim));
    for (Map.Entry<String, String> e : byKey.entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      text.add(e.getValue());
      values.add(e.getValue());
      keys.add(e.getKey());
    }
  }

  private static void putIfPresent(ObjectNode doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.put(field, value);
    }
  }
}
