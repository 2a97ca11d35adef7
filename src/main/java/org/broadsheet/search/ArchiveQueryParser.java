package org.broadsheet.search;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.broadsheet.index.Fields;

/**
 * Broadsheet's query language: Lucene's classic syntax (words, "phrases", OR, NOT/-, +,
 * grouping, prefix*, fuzzy~) over title and body, with title matches weighted double,
 * every word required by default, and the fields {@code title:}, {@code person:},
 * {@code place:} and {@code org:}. Anything else is refused with a message saying where.
 */
public final class ArchiveQueryParser {
  /** The fields a user may name. */
  private static final Set<String> USER_FIELDS =
      Set.of(Fields.TITLE, Fields.BODY, Fields.PERSON, Fields.PLACE, Fields.ORG);
  /** Title matches weigh double: a headline names what the article is about. */
  private static final Map<String, Float> BOOSTS = Map.of(Fields.TITLE, 2f, Fields.BODY, 1f);

  private final Analyzer analyzer;

  public ArchiveQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  public Query parse(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    if (text.length() > org.broadsheet.search.SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadQueryException("query is " + text.length() + " characters long; the limit is "
          + SearchRequest.MAX_QUERY_LENGTH);
    }
    QueryParser parser = new Checked(analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false); // "*foo" would scan every term in the index
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true); // "cease-fire" as the phrase it is
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      throw new BadQueryException(clean(e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(e.getMessage(), e);
    }
  }

  /** Lucene's messages list every expected token; the first line says where it broke. */
  private static String clean(String message) {
    String first = message == null ? "cannot parse the query" : message.split("\\R", 2)[0];
    return first.replace("Cannot parse", "cannot parse the query").replaceAll("\\s+Was expecting.*", "");
  }

  private static final class Checked extends MultiFieldQueryParser {
    Checked(Analyzer analyzer) {
      super(new String[] {Fields.TITLE, Fields.BODY}, analyzer, BOOSTS);
    }

    private static void check(String field) throws ParseException {
      if (field != null && !USER_FIELDS.contains(field)) {
        throw new ParseException("unknown field '" + field + ":'; use title:, person:, place: or org:");
      }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      check(field);
      return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      check(field);
      return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      check(field);
      if (termStr.length() < 2) {
        throw new ParseException("a prefix query needs at least 2 characters before '*'");
      }
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      check(field);
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      check(field);
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException("regular expressions are not supported; use prefix* or fuzzy~ instead");
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
      throw new ParseException("range queries are not supported; use the from and to date filters");
    }
  }
}
