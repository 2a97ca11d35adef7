package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Broadsheet's query language: Lucene's classic syntax (words, "phrases", OR, NOT/-, +,
 * grouping, prefix*, fuzzy~) over title and body, with title matches weighted double,
 * every word required by default, and the fields {@code title:}, {@code person:},
 * {@code place:} and {@code org:} ({@link FieldPolicy}).
 *
 * <p>What people type is not always syntax: {@code 9/11}, {@code AC/DC},
 * {@code Brexit: what next}, {@code what?}. Every character that is not syntax where it
 * stands is searched as text ({@link QueryLexer}, {@link QueryRewriter}); only what cannot
 * be run at all is refused, with a message saying why and where.
 *
 * <p>Given an index, it also bridges compounds the analyzer cannot ({@link CompoundBridge}).
 * Cost is bounded before anything runs ({@link QueryLimits}).
 */
public final class ArchiveQueryParser {
  private final Analyzer analyzer;
  private final QueryLimits limits;
  private final FieldPolicy fields = FieldPolicy.archive();
  private final QueryLexer lexer;

  public ArchiveQueryParser(Analyzer analyzer) {
    this(analyzer, QueryLimits.defaults());
  }

  public ArchiveQueryParser(Analyzer analyzer, QueryLimits limits) {
    this.analyzer = analyzer;
    this.limits = limits;
    this.lexer = new QueryLexer(fields, limits);
  }

  /** Parses without compound bridging (no index to check parts against). */
  public Query parse(String text) {
    return parse(text, WordDictionary.EMPTY);
  }

  /**
   * @param reader the index compounds are checked against, or null for none
   * @throws BadQueryException saying why and where the query cannot be run
   */
  public Query parse(String text, IndexReader reader) {
    return parse(text, reader == null ? WordDictionary.EMPTY
        : new IndexDictionary(reader, analyzer, fields.defaultFields()));
  }

  /**
   * With compounds checked against the words of {@code words} (an index elsewhere: a cluster's).
   *
   * @throws BadQueryException saying why and where the query cannot be run
   */
  public Query parse(String text, WordDictionary words) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    limits.checkLength(text);
    String syntax = QueryRewriter.rewrite(fields, lexer.tokens(text));
    BridgingQueryParser parser = new BridgingQueryParser(analyzer, fields, limits, new CompoundBridge(words));
    Query q;
    try {
      q = parser.parse(syntax);
    } catch (ParseException e) {
      throw new BadQueryException(ParseErrorMessage.describe(e), e);
    } catch (BadQueryException e) {
      throw e;
    } catch (IllegalArgumentException | IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("cannot parse the query: " + e.getMessage(), e);
    }
    limits.checkSize(q);
    return q;
  }
}
