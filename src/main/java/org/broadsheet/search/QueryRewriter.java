package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.broadsheet.search.QueryLexer.Kind;
import org.broadsheet.search.QueryLexer.Token;

/**
 * Writes a typed query in Lucene's classic syntax with every character that is not syntax
 * where it stands escaped, so that it is searched as text. Syntax is:
 * <ul>
 *   <li>AND, OR, {@code &&}, {@code ||} between two clauses; NOT before one;</li>
 *   <li>+, - and ! right before a word, "phrase" or (group): {@code -shelling}, but not
 *       {@code a - b} or {@code foo!};</li>
 *   <li>a field the {@link FieldPolicy} knows, before ':': {@code title:Brexit},
 *       {@code title: Brexit}, but not {@code Brexit: what next}, {@code 3:2} or
 *       {@code http://};</li>
 *   <li>the phrases, groups, regexes and ranges {@link QueryLexer} found;</li>
 *   <li>'*' in a word; '?' in a word unless only '?' follow it ({@code raf?h}, not
 *       {@code what?});</li>
 *   <li>~, ~N and ^N at the end of a word (or ~N, ^N after a phrase, ^N after a group).</li>
 * </ul>
 * Everything else ({@code 9/11}, {@code AC/DC}, {@code R&D}, {@code Q&A:}, a lone {@code ~}
 * or {@code ^}, an unclosed quote or parenthesis, an operator with nothing to join) is text.
 * Only a field with nothing to search after it is refused.
 */
final class QueryRewriter {
  private static final Set<String> CONJUNCTIONS = Set.of("AND", "OR", "&&", "||");
  /** Operators spelt in letters, which escaping their characters would not make text. */
  private static final Set<String> WORD_OPERATORS = Set.of("AND", "OR", "NOT");
  private static final String MODIFIERS = "+-!";
  /** The characters Lucene's syntax gives a meaning, which a backslash makes text. */
  private static final String ESCAPABLE = "\\+-!():^[]\"{}~*?|&/";
  private static final String NUMBER = "\\d+(?:\\.\\d+)?";
  /** The end of a word that is fuzzy~ or proximity and boost syntax. */
  private static final Pattern WORD_SUFFIX = Pattern.compile("(~(?:" + NUMBER + ")?)?(\\^" + NUMBER + ")?$");
  private static final Pattern PHRASE_SUFFIX = Pattern.compile("(~(?:" + NUMBER + ")?)?(\\^" + NUMBER + ")?");
  private static final Pattern GROUP_SUFFIX = Pattern.compile("\\^" + NUMBER);

  private final FieldPolicy fields;
  private final List<Token> tokens;
  private int pos;

  private QueryRewriter(FieldPolicy fields, List<Token> tokens) {
    this.fields = fields;
    this.tokens = tokens;
  }

  /**
   * @param tokens a query as {@link QueryLexer} split it
   * @return the query in Lucene's classic syntax
   * @throws BadQueryException when a field has nothing to search after it
   */
  static String rewrite(FieldPolicy fields, List<Token> tokens) {
    return new QueryRewriter(fields, tokens).sequence();
  }

  /** Clauses and the conjunctions between them, up to the end of the query or of the group. */
  private String sequence() {
    List<String> parts = new ArrayList<>();
    boolean afterClause = false;
    while (pos < tokens.size() && tokens.get(pos).kind() != Kind.CLOSE) {
      Token t = tokens.get(pos);
      if (afterClause && t.kind() == Kind.WORD && CONJUNCTIONS.contains(t.text()) && startsClause(pos + 1)) {
        parts.add(t.text());
        pos++;
        afterClause = false;
      } else {
        parts.add(clause());
        afterClause = true;
      }
    }
    return String.join(" ", parts);
  }

  /** True when the token at {@code i} can begin a clause that a conjunction or NOT applies to. */
  private boolean startsClause(int i) {
    return i < tokens.size() && tokens.get(i).kind() != Kind.CLOSE
        && !(tokens.get(i).kind() == Kind.WORD && CONJUNCTIONS.contains(tokens.get(i).text()));
  }

  /** One clause: [NOT | modifier] [field:] (word | phrase | group | regex | range). */
  private String clause() {
    Token t = tokens.get(pos);
    if (t.isWord("NOT") && startsClause(pos + 1) && !tokens.get(pos + 1).isWord("NOT")
        && modifier(pos + 1) == 0) {
      pos++;
      return "NOT " + clause();
    }
    if (t.kind() != Kind.WORD) {
      return enclosed();
    }
    pos++;
    String w = t.text();
    char modifier = modifier(pos - 1);
    int k = modifier == 0 ? 0 : 1;
    String field = null;
    int colon = w.indexOf(':', k);
    if (colon > k && fields.isNamed(w.substring(k, colon))) {
      field = w.substring(k, colon);
      k = colon + 1;
    }
    String prefix = (modifier == 0 ? "" : String.valueOf(modifier)) + (field == null ? "" : field + ":");
    if (k < w.length()) {
      if (field != null && !hasLetterOrDigit(w.substring(k))) {
        throw nothingAfter(field, t);
      }
      return prefix + word(w.substring(k));
    }
    if (field == null) {
      return prefix + enclosed(); // a modifier right before a phrase or group
    }
    Token next = pos < tokens.size() ? tokens.get(pos) : null;
    if (next == null || next.kind() == Kind.CLOSE
        || (next.kind() == Kind.WORD || next.kind() == Kind.PHRASE) && !hasLetterOrDigit(next.text())) {
      throw nothingAfter(field, t);
    }
    if (next.kind() == Kind.WORD) {
      pos++;
      return prefix + word(next.text());
    }
    return prefix + enclosed();
  }

  /**
   * The modifier (+, - or !) a word at {@code i} begins with, or 0: it must be followed by
   * the rest of its clause, in the word or, for a lone modifier, in a phrase or group right after.
   */
  private char modifier(int i) {
    Token t = tokens.get(i);
    String w = t.text();
    if (t.kind() != Kind.WORD || MODIFIERS.indexOf(w.charAt(0)) < 0) {
      return 0;
    }
    boolean followed = w.length() > 1
        ? MODIFIERS.indexOf(w.charAt(1)) < 0
        : i + 1 < tokens.size() && !tokens.get(i + 1).spaceBefore() && tokens.get(i + 1).kind() != Kind.WORD
          && tokens.get(i + 1).kind() != Kind.CLOSE;
    return followed ? w.charAt(0) : 0;
  }

  /** A phrase, group, regex or range, with the ~N and ^N that may follow it. */
  private String enclosed() {
    Token t = tokens.get(pos++);
    return switch (t.kind()) {
      case PHRASE -> phrase(t.text()) + suffix(PHRASE_SUFFIX);
      case OPEN -> {
        String inner = sequence();
        pos++; // the lexer only makes groups that close
        yield "(" + inner + ")" + suffix(GROUP_SUFFIX);
      }
      default -> t.text(); // regexes and ranges: the parser refuses them with a message
    };
  }

  /** The next token, consumed, when it follows without a space and is all suffix; else "". */
  private String suffix(Pattern p) {
    if (pos < tokens.size()) {
      Token t = tokens.get(pos);
      if (t.kind() == Kind.WORD && !t.spaceBefore() && !t.text().isEmpty() && p.matcher(t.text()).matches()) {
        pos++;
        return t.text();
      }
    }
    return "";
  }

  /** A word: its text escaped but for wildcards, and a ~ or ^ suffix that follows a term. */
  private static String word(String w) {
    Matcher m = WORD_SUFFIX.matcher(w);
    m.find();
    int cut = m.start();
    if (cut == 0 || "~^".indexOf(w.charAt(cut - 1)) >= 0 || escaped(w, cut)) {
      cut = w.length(); // no term before it, or part of a run such as "~~": text
    }
    String term = w.substring(0, cut);
    int trailingQuestionMarks = term.length();
    while (trailingQuestionMarks > 0 && term.charAt(trailingQuestionMarks - 1) == '?'
        && !escaped(term, trailingQuestionMarks - 1)) {
      trailingQuestionMarks--;
    }
    StringBuilder out = new StringBuilder();
    if (WORD_OPERATORS.contains(term)) {
      out.append('\\'); // "AND" where it joins nothing is the word "and"
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '\\') {
        i += backslash(term, i, out);
      } else if (c == '*' || c == '?' && i < trailingQuestionMarks) {
        out.append(c);
      } else {
        out.append(QueryParserBase.escape(String.valueOf(c)));
      }
    }
    return out.append(w, cut, w.length()).toString();
  }

  /** A quoted phrase with its backslashes made escapes or text as in {@link #backslash}. */
  private static String phrase(String quoted) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 1; i < quoted.length() - 1; i++) {
      if (quoted.charAt(i) == '\\') {
        i += backslash(quoted, i, out);
      } else {
        out.append(quoted.charAt(i));
      }
    }
    return out.append('"').toString();
  }

  /**
   * Writes the backslash at {@code i}: an escape when a character Lucene reads as syntax (or
   * whitespace) follows, else text, as in a Windows path (where Lucene would read a backslash
   * and a 'u' as the start of a Unicode escape). Returns how many characters after it were
   * written too.
   */
  private static int backslash(String s, int i, StringBuilder out) {
    if (i + 1 < s.length() && isEscapable(s.charAt(i + 1))) {
      out.append(s, i, i + 2);
      return 1;
    }
    out.append("\\\\");
    return 0;
  }

  private static boolean isEscapable(char c) {
    return Character.isWhitespace(c) || ESCAPABLE.indexOf(c) >= 0;
  }

  /** True when the character at {@code i} follows an odd number of backslashes. */
  private static boolean escaped(String s, int i) {
    int n = 0;
    while (i - n - 1 >= 0 && s.charAt(i - n - 1) == '\\') {
      n++;
    }
    return n % 2 == 1;
  }

  private static boolean hasLetterOrDigit(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static BadQueryException nothingAfter(String field, Token t) {
    return new BadQueryException("nothing to search for after '" + field + ":' at column " + t.column()
        + "; write " + field + ":word or " + field + ":\"a phrase\"");
  }
}
