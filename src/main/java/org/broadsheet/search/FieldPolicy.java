package org.broadsheet.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.broadsheet.index.Fields;

/**
 * Which fields a query may name before a ':', and where a word without a field is looked
 * for, with what weight.
 */
final class FieldPolicy {
  private final List<String> named;
  private final SequencedMap<String, Float> defaults;

  /** Builds one field's query; null when the text has nothing to search for in that field. */
  interface PerField {
    Query build(String field) throws ParseException;
  }

  /**
   * @param named    the fields a user may name
   * @param defaults the fields a word without a field is looked for in, in order, each with its weight
   */
  FieldPolicy(List<String> named, SequencedMap<String, Float> defaults) {
    this.named = List.copyOf(named);
    this.defaults = new LinkedHashMap<>(defaults);
  }

  /**
   * The archive's: {@code title:}, {@code body:}, {@code person:}, {@code place:} and
   * {@code org:}; a word without a field is looked for in the title, weighing double, as a
   * headline names what the article is about, or in the body.
   */
  static FieldPolicy archive() {
    SequencedMap<String, Float> defaults = new LinkedHashMap<>();
    defaults.put(Fields.TITLE, 2f);
    defaults.put(Fields.BODY, 1f);
    return new FieldPolicy(List.of(Fields.TITLE, Fields.BODY, Fields.PERSON, Fields.PLACE, Fields.ORG), defaults);
  }

  /** True when a user may name this field. */
  boolean isNamed(String field) {
    return named.contains(field);
  }

  /** Refuses a field a user may not name; null (no field) is fine. */
  void check(String field) {
    if (field != null && !isNamed(field)) {
      throw new BadQueryException("unknown field '" + field + ":'; use title:, person:, place: or org:");
    }
  }

  /** The fields a word without a field is looked for in. */
  List<String> defaultFields() {
    return List.copyOf(defaults.keySet());
  }

  /**
   * The query for a named field, or for no field (null): each default field's query,
   * weighted, as alternatives. Null when no field has anything to search for.
   */
  Query eachField(String field, PerField q) throws ParseException {
    if (field != null) {
      return q.build(field);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int n = 0;
    for (Map.Entry<String, Float> f : defaults.entrySet()) {
      Query fq = q.build(f.getKey());
      if (fq != null) {
        any.add(f.getValue() == 1f ? fq : new BoostQuery(fq, f.getValue()), BooleanClause.Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : any.build();
  }
}
