package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What of a typed query is syntax, and what is escaped to be searched as text. */
class QueryRewriterTest {
  private static String rewrite(String typed) {
    return QueryRewriter.rewrite(FieldPolicy.archive(),
        new QueryLexer(FieldPolicy.archive(), QueryLimits.defaults()).tokens(typed));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      9/11                    | 9\\/11
      AC/DC                   | AC\\/DC
      Brexit: what next       | Brexit\\: what next
      3:2 win                 | 3\\:2 win
      http://example.com/x    | http\\:\\/\\/example.com\\/x
      title: Brexit           | title:Brexit
      title:Brexit:           | title:Brexit\\:
      R&D                     | R\\&D
      C++                     | C\\+\\+
      e-mail                  | e\\-mail
      a - b                   | a \\- b
      foo!                    | foo\\!
      what?                   | what\\?
      raf?h                   | raf?h
      negotiat*               | negotiat*
      "quoted phrase          | \\"quoted phrase
      12" single              | 12\\" single
      (unbalanced             | \\(unbalanced
      unbalanced)             | unbalanced\\)
      f(x)                    | f\\(x\\)
      ( )                     | \\( \\)
      ~                       | \\~
      ^                       | \\^
      Rafah^                  | Rafah\\^
      Rafah^2                 | Rafah^2
      Rafah~                  | Rafah~
      Rafah~1                 | Rafah~1
      Rafah~~                 | Rafah\\~\\~
      a~b                     | a\\~b
      \\                      | \\\\
      Rafah AND               | Rafah \\AND
      AND Rafah               | \\AND Rafah
      OR OR                   | \\OR \\OR
      a AND b                 | a AND b
      a && b                  | a && b
      && b                    | \\&\\& b
      a AND NOT b             | a AND NOT b
      NOT -b                  | \\NOT -b
      a NOT                   | a \\NOT
      -"a b"~2 +(c d)^2 !e    | -"a b"~2 +(c d)^2 !e
      - "a b"                 | \\- "a b"
      -title:(a OR b)         | -title:(a OR b)
      title:"AC/DC" OR 9/11   | title:"AC/DC" OR 9\\/11
      (a OR b                 | \\(a OR b
      ((a) b                  | \\( (a) b
      (a AND) b               | (a \\AND) b
      bogus:Rafah             | bogus\\:Rafah
      title:title:x           | title:title\\:x
      `[a TO z]`              | `[a TO z]`
      `[Updated] news`        | `\\[Updated\\] news`
      /raf.*/                 | /raf.*/
      and / or 24/7           | and \\/ or 24\\/7
      C:\\users               | C\\:\\\\users
      "C:\\users"             | "C:\\\\users"
      a\\"b                   | a\\"b
      a\\(b                   | a\\(b
      """)
  void syntaxStaysAndTheRestIsEscaped(String typed, String lucene) {
    assertEquals(lucene, rewrite(typed));
  }

  @Test
  void pipesJoinLikeOr() {
    assertEquals("a || b", rewrite("a || b"));
    assertEquals("a || \\|", rewrite("a || |"));
    assertEquals("\\|\\| a", rewrite("|| a"));
  }

  /** Whatever is typed, what the rewriter writes is a query Lucene's grammar reads (or a field with nothing after it). */
  @Test
  void everyTypedQueryIsValidSyntax() {
    String alphabet = "abu9 \"\"()*?~^:+-!\\[]{}/&|%'#@.,ORANDNOT title:place:TO";
    Random random = new Random(7);
    // Only the grammar is the point here: patterns are not compiled (the archive limits them before they are).
    QueryParser lucene = new QueryParser("body", new StandardAnalyzer()) {
      @Override
      protected Query getRegexpQuery(String field, String termStr) {
        return new MatchNoDocsQuery();
      }

      @Override
      protected Query getWildcardQuery(String field, String termStr) {
        return new MatchNoDocsQuery();
      }

      @Override
      protected Query getPrefixQuery(String field, String termStr) {
        return new MatchNoDocsQuery();
      }
    };
    for (int i = 0; i < 5_000; i++) {
      StringBuilder typed = new StringBuilder();
      for (int n = 1 + random.nextInt(24); n > 0; n--) {
        typed.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (typed.toString().isBlank()) {
        continue; // the parser answers a blank query with every article before rewriting
      }
      String syntax;
      try {
        syntax = rewrite(typed.toString());
      } catch (BadQueryException e) {
        assertTrue(e.getMessage().startsWith("nothing to search for after"), typed + ": " + e.getMessage());
        continue;
      }
      try {
        lucene.parse(syntax);
      } catch (ParseException | IllegalArgumentException e) {
        throw new AssertionError("'" + typed + "' became '" + syntax + "': " + e.getMessage(), e);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:", "title: ", "x title:", "title:(", "(title:)", "title:\"\"", "-title:", "org:?"})
  void aFieldWithNothingAfterItIsRefused(String typed) {
    BadQueryException e = assertThrows(BadQueryException.class, () -> rewrite(typed));
    assertTrue(e.getMessage().startsWith("nothing to search for after '"), e.getMessage());
  }
}
