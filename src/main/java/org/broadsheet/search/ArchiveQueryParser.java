package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.broadsheet.index.Fields;

/**
 * Broadsheet's query language: Lucene's classic syntax (words, "phrases", OR, NOT/-, +,
 * grouping, prefix*, fuzzy~) over title and body, with title matches weighted double,
 * every word required by default, and the fields {@code title:}, {@code person:},
 * {@code place:} and {@code org:}. Anything else is refused with a message saying where.
 *
 * <p>Given an index, it also bridges compounds the analyzer cannot: a word that the index
 * knows as two words ("ceasefire" → "cease fire") also matches that phrase, and two
 * adjacent words that the index knows as one ("cease fire" → "ceasefire") also match
 * that word. Only splits and joins whose parts occur in the index are tried, so this
 * costs a few dictionary lookups and no index space. (The hyphenated "cease-fire" needs
 * none of this: the analyzer indexes it as "cease", "fire" and "ceasefire".)
 *
 * <p>Cost is bounded before anything runs: length, nesting depth, number of terms, and
 * number and shape of prefix, wildcard and fuzzy terms.
 */
public final class ArchiveQueryParser {
  /** The fields a user may name. */
  private static final Set<String> USER_FIELDS =
      Set.of(Fields.TITLE, Fields.BODY, Fields.PERSON, Fields.PLACE, Fields.ORG);
  /**
   * Where words without a field are looked for, and their weights: title matches weigh
   * double, as a headline names what the article is about.
   */
  private static final Map<String, Float> DEFAULT_FIELDS = orderedMap(Fields.TITLE, 2f, Fields.BODY, 1f);
  /** Deepest nesting of parentheses: far more than anyone types; stops recursion bombs early. */
  static final int MAX_DEPTH = 16;
  /** Most term leaves after expansion to title and body: a long typed query has a few dozen. */
  static final int MAX_TERMS = 256;
  /** Most prefix, wildcard and fuzzy leaves (each user term counts once per field it searches). */
  static final int MAX_MULTI_TERMS = 8;
  /** Literal characters a wildcard term needs before its first '*' or '?'. */
  static final int MIN_WILDCARD_PREFIX = 3;
  /**
   * Weight of the phrase a word is split into, against the word itself: a split is a
   * guess ("takeover" is usually, not always, "take over"), so articles using the word
   * as typed rank first.
   */
  static final float SPLIT_BOOST = 0.5f;
  /** Leading characters a fuzzy~ term must match exactly. */
  static final int FUZZY_PREFIX = 1;
  /** Shortest part when splitting a compound: shorter parts ("a", "an") make false phrases. */
  private static final int MIN_PART = 3;

  private final Analyzer analyzer;

  private static Map<String, Float> orderedMap(String k1, float v1, String k2, float v2) {
    Map<String, Float> m = new java.util.LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return java.util.Collections.unmodifiableMap(m);
  }

  public ArchiveQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Parses without compound bridging (no index to check parts against). */
  public Query parse(String text) {
    return parse(text, null);
  }

  /**
   * @param reader the index compounds are checked against, or null for none
   * @throws BadQueryException saying why and where the query cannot be run
   */
  public Query parse(String text, IndexReader reader) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    if (text.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadQueryException("query is " + text.length() + " characters long; the limit is "
          + SearchRequest.MAX_QUERY_LENGTH);
    }
    checkDepth(text);
    QueryParser parser = new Checked(analyzer, reader);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false); // "*foo" would scan every term in the index
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true); // "cease-fire" as the phrase it is
    // fuzzy~ keeps the first letter: typos rarely hit it, and it cuts the terms a fuzzy
    // term walks (and the highlighter walks again) several times over.
    parser.setFuzzyPrefixLength(FUZZY_PREFIX);
    Query q;
    try {
      q = parser.parse(text);
    } catch (ParseException e) {
      throw new BadQueryException(describe(e), e);
    } catch (IllegalArgumentException | IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("cannot parse the query: " + e.getMessage(), e);
    }
    checkSize(q);
    return q;
  }

  /** Refuses deeply nested parentheses before the recursive parser sees them. */
  private static void checkDepth(String text) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(' && ++depth > MAX_DEPTH) {
        throw new BadQueryException("parentheses nest deeper than " + MAX_DEPTH + " at column " + (i + 1));
      } else if (!quoted && c == ')') {
        depth--;
      }
    }
  }

  /** Counts the leaves of the parsed query: many terms, or many pattern terms, are refused. */
  private static void checkSize(Query q) {
    int[] terms = new int[1];
    int[] patterns = new int[1];
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... ts) {
        terms[0] += ts.length;
      }

      @Override
      public void visitLeaf(Query query) {
        terms[0]++;
        if (query instanceof MultiTermQuery) {
          patterns[0]++;
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    if (terms[0] > MAX_TERMS) {
      throw new BadQueryException("the query has too many terms (" + terms[0] + " after expansion to title and body;"
          + " the limit is " + MAX_TERMS + "); make it shorter");
    }
    if (patterns[0] > MAX_MULTI_TERMS) {
      throw new BadQueryException("the query has too many prefix*, wildcard or fuzzy~ terms; at most "
          + MAX_MULTI_TERMS / 2 + " are allowed");
    }
  }

  /** Lucene's messages list every expected token; this says what was found where, in one line. */
  static String describe(ParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
      Token last = p.currentToken; // JavaCC counts columns from 0; people count from 1
      Token next = last.next;
      if (next.kind == 0) {
        return last.image == null || last.image.isEmpty()
            ? "cannot parse the query: it is empty"
            : "cannot parse the query: it ends too early, after '" + last.image + "' at column "
              + (last.beginColumn + 1);
      }
      return "cannot parse the query: unexpected '" + next.image + "' at column " + (next.beginColumn + 1);
    }
    if (cause instanceof ParseException p && p.currentToken == null) {
      return p.getMessage(); // one of ours, already plain
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

  /**
   * The classic parser with a null default field meaning "title or body". Not Lucene's
   * MultiFieldQueryParser: that one lines up the clauses of each field's query and ANDs
   * them position by position, which turns the alternatives of a graph ("ceasefire" or
   * "cease fire", from "cease-fire") into requirements of both. Here each field gets the
   * query as analysed for it, and the fields are alternatives.
   */
  private static final class Checked extends QueryParser {
    private final IndexReader reader;
    /** The query each bare word became, so that adjacent words can be joined in {@link #getBooleanQuery}. */
    private final Map<Query, String[]> bareWords = new IdentityHashMap<>();

    Checked(Analyzer analyzer, IndexReader reader) {
      super(null, analyzer);
      this.reader = reader;
    }

    private static void check(String field) throws ParseException {
      if (field != null && !USER_FIELDS.contains(field)) {
        throw new ParseException("unknown field '" + field + ":'; use title:, person:, place: or org:");
      }
    }

    /** Builds a query for one field. */
    private interface PerField {
      Query build(String field) throws ParseException;
    }

    /** The query for a named field, or for the default: title (boosted) or body. */
    private static Query eachField(String field, PerField q) throws ParseException {
      if (field != null) {
        return q.build(field);
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      int n = 0;
      for (Map.Entry<String, Float> f : DEFAULT_FIELDS.entrySet()) {
        Query fq = q.build(f.getKey());
        if (fq != null) {
          any.add(f.getValue() == 1f ? fq : new BoostQuery(fq, f.getValue()), BooleanClause.Occur.SHOULD);
          n++;
        }
      }
      return n == 0 ? null : any.build();
    }

    /** A bare word: itself, or also the phrase of two words the index knows it as. */
    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      check(field);
      Query q = eachField(field, f -> super.getFieldQuery(f, queryText, quoted));
      if (q == null || quoted || !isWord(queryText)) {
        return q;
      }
      List<Query> alternatives = new ArrayList<>();
      for (String[] split : splits(field, queryText)) {
        Query phrase = eachField(field, f -> super.getFieldQuery(f, split[0] + " " + split[1], true));
        if (phrase != null) {
          alternatives.add(new BoostQuery(phrase, SPLIT_BOOST));
        }
      }
      Query result = anyOf(q, alternatives);
      bareWords.put(result, new String[] {field, queryText});
      return result;
    }

    /** A quoted phrase: itself, or also with two adjacent words joined, or one word split, as the index knows them. */
    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      check(field);
      // The base method asks getFieldQuery(f, text, true) for the phrase, then applies the slop.
      Query q = eachField(field, f -> super.getFieldQuery(f, queryText, slop));
      if (q == null || slop != 0 || reader == null) {
        return q;
      }
      String[] words = queryText.strip().split("\\s+");
      if (words.length > 8) {
        return q; // long quotations are meant literally; variants would multiply the work
      }
      List<String> variants = new ArrayList<>();
      for (int i = 0; i < words.length && variants.size() < 4; i++) {
        if (i + 1 < words.length && isWord(words[i]) && isWord(words[i + 1])
            && known(field, words[i] + words[i + 1])) {
          variants.add(join(words, i, i + 2, words[i] + words[i + 1]));
        }
        if (isWord(words[i])) {
          for (String[] split : splits(field, words[i])) {
            variants.add(join(words, i, i + 1, split[0] + " " + split[1]));
          }
        }
      }
      List<Query> alternatives = new ArrayList<>();
      for (String v : variants) {
        Query alt = eachField(field, f -> super.getFieldQuery(f, v, 0));
        if (alt != null) {
          alternatives.add(alt);
        }
      }
      return anyOf(q, alternatives);
    }

    /** Two adjacent required bare words also match the one word the index knows them as. */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
      if (reader == null || clauses.size() < 2) {
        return super.getBooleanQuery(clauses);
      }
      List<BooleanClause> out = new ArrayList<>();
      for (int i = 0; i < clauses.size(); i++) {
        BooleanClause a = clauses.get(i);
        BooleanClause b = i + 1 < clauses.size() ? clauses.get(i + 1) : null;
        String[] wa = bareWords.get(a.query());
        String[] wb = b == null ? null : bareWords.get(b.query());
        if (wa != null && wb != null && a.occur() == BooleanClause.Occur.MUST && b.occur() == BooleanClause.Occur.MUST
            && java.util.Objects.equals(wa[0], wb[0]) && known(wa[0], wa[1] + wb[1])) {
          Query both = new BooleanQuery.Builder().add(a).add(b).build();
          String word = wa[1] + wb[1];
          Query joined = eachField(wa[0], f -> super.getFieldQuery(f, word, false));
          out.add(new BooleanClause(anyOf(both, joined == null ? List.of() : List.of(joined)),
              BooleanClause.Occur.MUST));
          i++;
        } else {
          out.add(a);
        }
      }
      return super.getBooleanQuery(out);
    }

    /** Splits of a word into two parts that both occur in the index as words of their own. */
    private List<String[]> splits(String field, String word) {
      List<String[]> out = new ArrayList<>();
      if (reader == null || word.length() < 2 * MIN_PART) {
        return out;
      }
      for (int i = MIN_PART; i <= word.length() - MIN_PART && out.size() < 2; i++) {
        String left = word.substring(0, i);
        String right = word.substring(i);
        if (!isStopWord(left) && !isStopWord(right) && known(field, left) && known(field, right)) {
          out.add(new String[] {left, right});
        }
      }
      return out;
    }

    private static boolean isStopWord(String w) {
      return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w.toLowerCase(java.util.Locale.ROOT));
    }

    /** True when the word, analysed as a query on this field, is a term of the index. */
    private boolean known(String field, String word) {
      if (reader == null) {
        return false;
      }
      List<String> fields = field == null ? List.of(Fields.TITLE, Fields.BODY) : List.of(field);
      try {
        for (String f : fields) {
          String term = firstToken(f, word);
          if (term != null && reader.docFreq(new Term(f, term)) > 0) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String firstToken(String field, String word) throws IOException {
      try (TokenStream ts = getAnalyzer().tokenStream(field, word)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        String first = ts.incrementToken() ? term.toString() : null;
        while (ts.incrementToken()) {
          // drain, as the TokenStream contract requires before end()
        }
        ts.end();
        return first;
      }
    }

    private static boolean isWord(String s) {
      return s.length() >= 2 && s.chars().allMatch(Character::isLetter);
    }

    private static String join(String[] words, int from, int to, String replacement) {
      List<String> out = new ArrayList<>(List.of(words).subList(0, from));
      out.add(replacement);
      out.addAll(List.of(words).subList(to, words.length));
      return String.join(" ", out);
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
      check(field);
      if (termStr.length() < 2) {
        throw new ParseException("a prefix query needs at least 2 characters before '*'");
      }
      return eachField(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      check(field);
      int firstWildcard = firstWildcard(termStr);
      if (firstWildcard >= 0 && firstWildcard < MIN_WILDCARD_PREFIX) {
        throw new ParseException("a wildcard term needs at least " + MIN_WILDCARD_PREFIX
            + " letters before its first '*' or '?' (in '" + termStr + "')");
      }
      if (termStr.length() > 40) {
        throw new ParseException("wildcard term '" + termStr + "' is too long");
      }
      return eachField(field, f -> super.getWildcardQuery(f, termStr));
    }

    private static int firstWildcard(String s) {
      int star = s.indexOf('*');
      int q = s.indexOf('?');
      return star < 0 ? q : q < 0 ? star : Math.min(star, q);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      check(field);
      if (termStr.length() < 3) {
        throw new ParseException("a fuzzy~ term needs at least 3 letters (in '" + termStr + "~')");
      }
      return eachField(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
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
