package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lucene's own parse errors, as the plain classic parser raises them, in one line. */
class ParseErrorMessageTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a AND  | cannot parse the query: it ends too early, after 'AND' at column 3
      a)     | cannot parse the query: unexpected ')' at column 2
      '"a'   | cannot parse the query: unbalanced quote or stray character at column 3
      """)
  void saysWhatWasFoundWhere(String query, String message) {
    ParseException e = assertThrows(ParseException.class,
        () -> new QueryParser("body", new StandardAnalyzer()).parse(query));
    assertEquals(message, ParseErrorMessage.describe(e));
  }
}
