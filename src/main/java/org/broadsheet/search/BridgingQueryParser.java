package org.broadsheet.search;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic parser with Broadsheet's field policy, cost limits and compound
 * bridging. One instance parses one query.
 *
 * <p>A null field means "the default fields". Not Lucene's MultiFieldQueryParser: that one
 * lines up the clauses of each field's query and ANDs them position by position, which turns
 * the alternatives of a graph ("ceasefire" or "cease fire", from "cease-fire") into
 * requirements of both. Here each field gets the query as analysed for it, and the fields
 * are alternatives.
 */
final class BridgingQueryParser extends QueryParser {
  /**
   * Weight of the phrase a word is split into, against the word itself: a split is a guess
   * ("takeover" is usually, not always, "take over"), so articles using the word as typed
   * rank first.
   */
  static final float SPLIT_BOOST = 0.5f;

  private final FieldPolicy fields;
  private final QueryLimits limits;
  private final CompoundBridge bridge;
  /** The query each bare word became, so that adjacent words can be joined in {@link #getBooleanQuery}. */
  private final Map<Query, BareWord> bareWords = new IdentityHashMap<>();

  private record BareWord(String field, String text) {
  }

  BridgingQueryParser(Analyzer analyzer, FieldPolicy fields, QueryLimits limits, CompoundBridge bridge) {
    super(null, analyzer);
    this.fields = fields;
    this.limits = limits;
    this.bridge = bridge;
    setDefaultOperator(QueryParser.Operator.AND);
    setAllowLeadingWildcard(false); // "*foo" would scan every term in the index
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true); // "cease-fire" as the phrase it is
    setFuzzyPrefixLength(limits.fuzzyPrefix());
  }

  /** A bare word: itself, or also the phrase of two words the index knows it as. */
  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    fields.check(field);
    Query q = fields.eachField(field, f -> super.getFieldQuery(f, queryText, quoted));
    if (q == null || quoted || !CompoundBridge.isWord(queryText)) {
      return q;
    }
    List<Query> alternatives = new ArrayList<>();
    for (CompoundBridge.Split split : bridge.splits(field, queryText)) {
      Query phrase = fields.eachField(field, f -> super.getFieldQuery(f, split.phrase(), true));
      if (phrase != null) {
        alternatives.add(new BoostQuery(phrase, SPLIT_BOOST));
      }
    }
    Query result = anyOf(q, alternatives);
    bareWords.put(result, new BareWord(field, queryText));
    return result;
  }

  /** A quoted phrase: itself, or also with two adjacent words joined, or one word split, as the index knows them. */
  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    fields.check(field);
    // The base method asks getFieldQuery(f, text, true) for the phrase, then applies the slop.
    Query q = fields.eachField(field, f -> super.getFieldQuery(f, queryText, slop));
    if (q == null || slop != 0) {
      return q;
    }
    List<Query> alternatives = new ArrayList<>();
    for (String v : bridge.phraseVariants(field, queryText)) {
      Query alt = fields.eachField(field, f -> super.getFieldQuery(f, v, 0));
      if (alt != null) {
        alternatives.add(alt);
      }
    }
    return anyOf(q, alternatives);
  }

  /** Two adjacent required bare words also match the one word the index knows them as. */
  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    List<BooleanClause> out = new ArrayList<>();
    for (int i = 0; i < clauses.size(); i++) {
      BooleanClause a = clauses.get(i);
      BooleanClause b = i + 1 < clauses.size() ? clauses.get(i + 1) : null;
      BareWord wa = bareWords.get(a.query());
      BareWord wb = b == null ? null : bareWords.get(b.query());
      String word = wa == null || wb == null || !Objects.equals(wa.field(), wb.field())
          || a.occur() != BooleanClause.Occur.MUST || b.occur() != BooleanClause.Occur.MUST
          ? null : bridge.join(wa.field(), wa.text(), wb.text());
      if (word != null) {
        Query both = new BooleanQuery.Builder().add(a).add(b).build();
        Query joined = fields.eachField(wa.field(), f -> super.getFieldQuery(f, word, false));
        out.add(new BooleanClause(anyOf(both, joined == null ? List.of() : List.of(joined)),
            BooleanClause.Occur.MUST));
        i++;
      } else {
        out.add(a);
      }
    }
    return super.getBooleanQuery(out);
  }

  private static Query anyOf(Query q, List<Query> alternatives) {
    if (alternatives.isEmpty()) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.SHOULD);
    alternatives.forEach(alt -> b.add(alt, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    fields.check(field);
    limits.checkPrefix(termStr);
    return fields.eachField(field, f -> super.getPrefixQuery(f, termStr));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    fields.check(field);
    // Lucene hands a wildcard term over with its escapes: check (and name) it as typed.
    limits.checkWildcard(termStr.replaceAll("\\\\(.)", "$1"));
    return fields.eachField(field, f -> super.getWildcardQuery(f, termStr));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    fields.check(field);
    limits.checkFuzzy(termStr);
    return fields.eachField(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) {
    throw new BadQueryException("regular expressions are not supported; use prefix* or fuzzy~ instead");
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                boolean endInclusive) {
    throw new BadQueryException("range queries are not supported; use the from and to date filters");
  }
}
