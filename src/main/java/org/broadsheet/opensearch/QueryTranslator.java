package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.broadsheet.index.ArchiveAnalyzer;

/**
 * A Lucene query, as {@link org.broadsheet.search.ArchiveQueryParser} parses the query language,
 * translated into OpenSearch's query DSL with the same meaning. The parser has already analysed the
 * words with our analyzer, so the translation uses term-level queries on the analysed terms (never
 * {@code match}, which would analyse them again): a query means on the cluster what it means in the
 * embedded index, with the parser's cost limits and its 400 messages. Weights come along
 * ({@code BoostQuery}: the title's double weight, the half weight of a split compound) so the ranking
 * is close to the embedded index's; the totals are the same.
 *
 * <p>Phrases become {@code match_phrase} over the analysed terms with the whitespace analyzer when
 * their positions follow one another, else {@code span_near}, which also carries the alternatives
 * of a {@code MultiPhraseQuery} (a folded spelling, a catenated compound) as {@code span_or}.
 */
public final class QueryTranslator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private QueryTranslator() {
  }

  /** @throws IllegalArgumentException for a kind of query the parser does not make */
  public static ObjectNode translate(Query q) {
    ObjectNode out = JSON.objectNode();
    switch (q) {
      case MatchAllDocsQuery ignored -> out.putObject("match_all");
      case MatchNoDocsQuery ignored -> out.putObject("match_none");
      case TermQuery t -> term(out, t.getTerm(), 1f);
      case BoostQuery b -> {
        ObjectNode bool = out.putObject("bool");
        bool.putArray("must").add(translate(b.getQuery()));
        bool.put("boost", b.getBoost());
      }
      case ConstantScoreQuery c -> out.putObject("constant_score").set("filter", translate(c.getQuery()));
      case BooleanQuery b -> bool(out, b);
      case DisjunctionMaxQuery d -> {
        ObjectNode dm = out.putObject("dis_max");
        dm.put("tie_breaker", d.getTieBreakerMultiplier());
        ArrayNode qs = dm.putArray("queries");
        d.getDisjuncts().forEach(x -> qs.add(translate(x)));
      }
      case SynonymQuery s -> synonyms(out, s);
      case PhraseQuery p -> phrase(out, p);
      case MultiPhraseQuery m -> multiPhrase(out, m);
      case PrefixQuery p -> out.putObject("prefix").putObject(p.getField())
          .put("value", p.getPrefix().text()).put("rewrite", "constant_score");
      case WildcardQuery w -> out.putObject("wildcard").putObject(w.getField())
          .put("value", w.getTerm().text()).put("rewrite", "constant_score");
      case FuzzyQuery f -> out.putObject("fuzzy").putObject(f.getField())
          .put("value", f.getTerm().text())
          .put("fuzziness", f.getMaxEdits())
          .put("prefix_length", f.getPrefixLength())
          .put("transpositions", f.getTranspositions());
      case TermRangeQuery r -> {
        ObjectNode range = out.putObject("range").putObject(r.getField());
        if (r.getLowerTerm() != null) {
          range.put(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
        }
        if (r.getUpperTerm() != null) {
          range.put(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
        }
      }
      case PointRangeQuery p when p.getNumDims() == 1 && p.getBytesPerDim() == Long.BYTES -> out.putObject("range")
          .putObject(p.getField())
          .put("gte", LongPoint.decodeDimension(p.getLowerPoint(), 0))
          .put("lte", LongPoint.decodeDimension(p.getUpperPoint(), 0));
      default -> throw new IllegalArgumentException("no OpenSearch translation for " + q.getClass().getSimpleName()
          + ": " + q);
    }
    return out;
  }

  private static void term(ObjectNode out, Term t, float boost) {
    ObjectNode v = out.putObject("term").putObject(t.field()).put("value", t.text());
    if (boost != 1f) {
      v.put("boost", boost);
    }
  }

  private static void bool(ObjectNode out, BooleanQuery b) {
    ObjectNode bool = out.putObject("bool");
    boolean scoring = false;
    for (BooleanClause c : b.clauses()) {
      String occur = switch (c.occur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      scoring |= c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER;
      (bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur)).add(translate(c.query()));
    }
    // Lucene: SHOULD clauses are optional beside a MUST or FILTER unless a minimum says otherwise;
    // alone, one must match. Said explicitly, so OpenSearch's defaults cannot differ.
    int min = b.getMinimumNumberShouldMatch();
    if (bool.has("should")) {
      bool.put("minimum_should_match", min > 0 ? min : scoring ? 0 : 1);
    }
  }

  /**
   * The spellings of one word at one position (a word and its ASCII-folded form), any of which
   * matches. Lucene keeps the weight of each in the query, out of reach; the folded form is the one
   * without diacritics when its sibling has some, and weighs {@link ArchiveAnalyzer#FOLDED_BOOST}.
   */
  private static void synonyms(ObjectNode out, SynonymQuery s) {
    ObjectNode bool = out.putObject("bool");
    ArrayNode should = bool.putArray("should");
    List<Term> terms = s.getTerms();
    boolean anyAccented = terms.stream().anyMatch(t -> !isAscii(t.text()));
    for (Term t : terms) {
      ObjectNode q = JSON.objectNode();
      term(q, t, anyAccented && isAscii(t.text()) ? ArchiveAnalyzer.FOLDED_BOOST : 1f);
      should.add(q);
    }
    bool.put("minimum_should_match", 1);
  }

  private static boolean isAscii(String s) {
    return StandardCharsets.US_ASCII.newEncoder().canEncode(s);
  }

  private static void phrase(ObjectNode out, PhraseQuery p) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (terms.length == 0) {
      out.putObject("match_none");
      return;
    }
    if (terms.length == 1) {
      term(out, terms[0], 1f);
      return;
    }
    boolean consecutive = true;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < terms.length; i++) {
      consecutive &= i == 0 || positions[i] == positions[i - 1] + 1;
      consecutive &= terms[i].text().chars().noneMatch(Character::isWhitespace);
      text.append(i == 0 ? "" : " ").append(terms[i].text());
    }
    if (consecutive) {
      out.putObject("match_phrase").putObject(p.getField())
          .put("query", text.toString())
          .put("analyzer", "whitespace")
          .put("slop", p.getSlop());
      return;
    }
    Term[][] arrays = new Term[terms.length][];
    for (int i = 0; i < terms.length; i++) {
      arrays[i] = new Term[] {terms[i]};
    }
    spanNear(out, arrays, positions, p.getSlop());
  }

  private static void multiPhrase(ObjectNode out, MultiPhraseQuery m) {
    spanNear(out, m.getTermArrays(), m.getPositions(), m.getSlop());
  }

  /** Positions in order; a gap between two positions widens the slop by its size. */
  private static void spanNear(ObjectNode out, Term[][] arrays, int[] positions, int slop) {
    ObjectNode near = out.putObject("span_near");
    ArrayNode clauses = near.putArray("clauses");
    int gaps = 0;
    for (int i = 0; i < arrays.length; i++) {
      gaps += i == 0 ? 0 : Math.max(0, positions[i] - positions[i - 1] - 1);
      if (arrays[i].length == 1) {
        clauses.add(spanTerm(arrays[i][0]));
      } else {
        ObjectNode or = JSON.objectNode();
        ArrayNode alternatives = or.putObject("span_or").putArray("clauses");
        for (Term t : arrays[i]) {
          alternatives.add(spanTerm(t));
        }
        clauses.add(or);
      }
    }
    near.put("slop", slop + gaps);
    near.put("in_order", true);
  }

  private static ObjectNode spanTerm(Term t) {
    ObjectNode q = JSON.objectNode();
    q.putObject("span_term").put(t.field(), t.text());
    return q;
  }
}
