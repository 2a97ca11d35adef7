package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.search.ArchiveQueryParser;
import org.junit.jupiter.api.Test;

/** Each kind of query the parser makes, as the DSL it becomes (the contract checks they find the same). */
class QueryTranslatorTest {
  private static String dsl(Query q) {
    return QueryTranslator.translate(q).toString();
  }

  @Test
  void termsBooleansAndWeights() {
    assertEquals("{\"term\":{\"body\":{\"value\":\"rafah\"}}}", dsl(new TermQuery(new Term("body", "rafah"))));
    BooleanQuery either = new BooleanQuery.Builder()
        .add(new BoostQuery(new TermQuery(new Term("title", "rafah")), 2f), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "rafah")), BooleanClause.Occur.SHOULD)
        .build();
    assertEquals("{\"bool\":{\"should\":[{\"bool\":{\"must\":[{\"term\":{\"title\":{\"value\":\"rafah\"}}}],"
        + "\"boost\":2.0}},{\"term\":{\"body\":{\"value\":\"rafah\"}}}],\"minimum_should_match\":1}}", dsl(either));
    BooleanQuery optional = new BooleanQuery.Builder()
        .add(new TermQuery(new Term("body", "a")), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("body", "b")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "c")), BooleanClause.Occur.MUST_NOT)
        .build();
    assertEquals("{\"bool\":{\"must\":[{\"term\":{\"body\":{\"value\":\"a\"}}}],\"should\":[{\"term\":{\"body\":"
        + "{\"value\":\"b\"}}}],\"must_not\":[{\"term\":{\"body\":{\"value\":\"c\"}}}],\"minimum_should_match\":0}}",
        dsl(optional));
    assertEquals("{\"match_all\":{}}", dsl(new MatchAllDocsQuery()));
  }

  @Test
  void theFoldedSpellingWeighsLess() {
    Query q = new SynonymQuery.Builder("body").addTerm(new Term("body", "erdoğan"))
        .addTerm(new Term("body", "erdogan"), 0.5f).build();
    // SynonymQuery orders its terms itself.
    assertEquals("{\"bool\":{\"should\":[{\"term\":{\"body\":{\"value\":\"erdogan\",\"boost\":"
        + ArchiveAnalyzer.FOLDED_BOOST + "}}},{\"term\":{\"body\":{\"value\":\"erdoğan\"}}}],\"minimum_should_match\":1}}",
        dsl(q));
  }

  @Test
  void phrases() {
    assertEquals("{\"match_phrase\":{\"body\":{\"query\":\"cease fire\",\"analyzer\":\"whitespace\",\"slop\":0}}}",
        dsl(new PhraseQuery("body", "cease", "fire")));
    PhraseQuery gap = new PhraseQuery.Builder().add(new Term("body", "a"), 0).add(new Term("body", "b"), 2).build();
    assertEquals("{\"span_near\":{\"clauses\":[{\"span_term\":{\"body\":\"a\"}},{\"span_term\":{\"body\":\"b\"}}],"
        + "\"slop\":1,\"in_order\":true}}", dsl(gap));
    MultiPhraseQuery alternatives = new MultiPhraseQuery.Builder()
        .add(new Term[] {new Term("body", "erdoğan"), new Term("body", "erdogan")})
        .add(new Term("body", "visit")).build();
    assertEquals("{\"span_near\":{\"clauses\":[{\"span_or\":{\"clauses\":[{\"span_term\":{\"body\":\"erdoğan\"}},"
        + "{\"span_term\":{\"body\":\"erdogan\"}}]}},{\"span_term\":{\"body\":\"visit\"}}],\"slop\":0,"
        + "\"in_order\":true}}", dsl(alternatives));
  }

  @Test
  void multiTermQueries() {
    assertEquals("{\"prefix\":{\"body\":{\"value\":\"negot\",\"rewrite\":\"constant_score\"}}}",
        dsl(new PrefixQuery(new Term("body", "negot"))));
    assertEquals("{\"wildcard\":{\"body\":{\"value\":\"ne?ot*\",\"rewrite\":\"constant_score\"}}}",
        dsl(new WildcardQuery(new Term("body", "ne?ot*"))));
    assertEquals("{\"fuzzy\":{\"body\":{\"value\":\"pariss\",\"fuzziness\":1,\"prefix_length\":2,"
        + "\"transpositions\":true}}}", dsl(new FuzzyQuery(new Term("body", "pariss"), 1, 2)));
  }

  @Test
  void everyQueryOfTheLanguageTranslates() {
    ArchiveQueryParser parser = new ArchiveQueryParser(ArchiveAnalyzer.forQueries());
    for (String q : new String[] {"", "talks", "cease-fire", "\"ceasefire talks\"~2", "Erdoğan visit", "title:talks",
        "person:\"Ismail Haniyeh\"", "talks OR Paris", "talks -Doha", "(talks OR truce) AND Cairo", "negot*",
        "neg?t*", "Pariss~1", "U.N. envoy", "Türkiye's plan", "talks^3 Cairo"}) {
      QueryTranslator.translate(parser.parse(q)); // no query of the language is left untranslated
    }
  }

  @Test
  void aQueryTheParserDoesNotMakeIsRefused() {
    Query other = new org.apache.lucene.search.IndexOrDocValuesQuery(new MatchAllDocsQuery(), new MatchAllDocsQuery());
    assertThrows(IllegalArgumentException.class, () -> QueryTranslator.translate(other));
  }
}
