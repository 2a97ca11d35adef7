package org.broadsheet.search;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;

/**
 * Lucene's parse errors in one line: its messages list every token the grammar expected;
 * this says what was found where, with columns counted from 1 as people count them.
 */
final class ParseErrorMessage {
  private ParseErrorMessage() {
  }

  static String describe(ParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
      Token last = p.currentToken; // JavaCC counts columns from 0
      Token next = last.next;
      if (next.kind == 0) {
        return last.image == null || last.image.isEmpty()
            ? "cannot parse the query: it is empty"
            : "cannot parse the query: it ends too early, after '" + last.image + "' at column "
              + (last.beginColumn + 1);
      }
      return "cannot parse the query: unexpected '" + next.image + "' at column " + (next.beginColumn + 1);
    }
    if (cause instanceof TokenMgrError t) {
      String m = t.getMessage();
      int at = m.indexOf("column");
      String where = at < 0 ? "" : " at " + m.substring(at).split("\\.", 2)[0];
      return "cannot parse the query: unbalanced quote or stray character" + where;
    }
    if (cause instanceof IndexSearcher.TooManyClauses) {
      return "the query expands to too many terms; make it shorter or more specific";
    }
    String m = e.getMessage() == null ? "" : e.getMessage().split("\\R", 2)[0];
    return "cannot parse the query: " + m.replaceAll("^Cannot parse '.*?': ", "");
  }
}
