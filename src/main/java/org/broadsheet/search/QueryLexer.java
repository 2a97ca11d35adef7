package org.broadsheet.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a typed query into words and the spans of syntax that enclose text: "phrases",
 * (groups), /regular expressions/ and [ranges]. An opening character encloses only where
 * it can open (at the start of a word, or after a modifier or a known {@code field:}) and
 * when it is closed; otherwise it is a character of a word, like any other. So in
 * {@code 12" single}, {@code "quoted phrase}, {@code f(x)}, {@code (unbalanced} and
 * {@code and / or 24/7} nothing is enclosed. Empty groups enclose nothing either.
 */
final class QueryLexer {
  /** What a token is. */
  enum Kind { WORD, PHRASE, OPEN, CLOSE, REGEX, RANGE }

  /**
   * One token.
   *
   * @param text        as typed (a word keeps its backslash escapes)
   * @param column      where it starts, counted from 1
   * @param spaceBefore whether whitespace (or the start of the query) comes right before it
   */
  record Token(Kind kind, String text, int column, boolean spaceBefore) {
    boolean isWord(String w) {
      return kind == Kind.WORD && text.equals(w);
    }
  }

  /** Lucene's range syntax, [a TO b] or {a TO b}, with unquoted ends other than TO. */
  private static final String RANGE_END = "(?!TO[\\s\\]}])[^\\s\\]}\"]+";
  private static final Pattern RANGE = Pattern.compile("[\\[{]\\s*" + RANGE_END + "\\s+TO\\s+" + RANGE_END + "\\s*[\\]}]");
  private static final String MODIFIERS = "+-!";

  private final FieldPolicy fields;
  private final QueryLimits limits;

  QueryLexer(FieldPolicy fields, QueryLimits limits) {
    this.fields = fields;
    this.limits = limits;
  }

  /** @throws BadQueryException when groups nest deeper than the limits allow */
  List<Token> tokens(String s) {
    Kind[] enclosing = new Kind[s.length()]; // at each opening or closing character, what it is
    int[] ends = new int[s.length()];         // there, the end (exclusive) of its token
    findEnclosing(s, enclosing, ends);
    List<Token> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int wordStart = -1;
    boolean space = true;
    boolean wordSpace = true;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (enclosing[i] != null || Character.isWhitespace(c)) {
        if (wordStart >= 0) {
          out.add(new Token(Kind.WORD, word.toString(), wordStart + 1, wordSpace));
          word.setLength(0);
          wordStart = -1;
          space = false;
        }
        if (enclosing[i] == null) {
          space = true;
          i++;
        } else {
          out.add(new Token(enclosing[i], s.substring(i, ends[i]), i + 1, space));
          space = false;
          i = ends[i];
        }
        continue;
      }
      if (wordStart < 0) {
        wordStart = i;
        wordSpace = space;
      }
      int n = c == '\\' && i + 1 < s.length() ? 2 : 1;
      word.append(s, i, i + n);
      i += n;
    }
    if (wordStart >= 0) {
      out.add(new Token(Kind.WORD, word.toString(), wordStart + 1, wordSpace));
    }
    return out;
  }

  /**
   * Marks where phrases, regexes and ranges open, and the '(' and ')' of groups that close
   * and are not empty.
   */
  private void findEnclosing(String s, Kind[] enclosing, int[] ends) {
    Deque<Integer> open = new ArrayDeque<>();
    int wordStart = 0; // where the current word began: an opener may follow a modifier or field at most
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        wordStart = ++i;
        continue;
      }
      if (c == '\\') {
        i += 2;
        continue;
      }
      int end = canOpen(s, wordStart, i) ? spanEnd(s, i) : -1;
      if (end > 0) {
        enclosing[i] = c == '"' ? Kind.PHRASE : c == '/' ? Kind.REGEX : Kind.RANGE;
        ends[i] = end;
        wordStart = i = end;
      } else if (c == '(' && canOpen(s, wordStart, i)) {
        open.push(i);
        limits.checkDepth(open.size(), i + 1);
        wordStart = ++i;
      } else if (c == ')' && !open.isEmpty()) {
        int from = open.pop();
        if (!s.substring(from + 1, i).isBlank()) {
          enclosing[from] = Kind.OPEN;
          ends[from] = from + 1;
          enclosing[i] = Kind.CLOSE;
          ends[i] = i + 1;
        }
        wordStart = ++i;
      } else {
        i++;
      }
    }
  }

  /** True when the characters of the word before {@code i} are at most a modifier and a known field. */
  private boolean canOpen(String s, int wordStart, int i) {
    int k = wordStart < i && MODIFIERS.indexOf(s.charAt(wordStart)) >= 0 ? wordStart + 1 : wordStart;
    return k == i || s.charAt(i - 1) == ':' && fields.isNamed(s.substring(k, i - 1));
  }

  /** The end (exclusive) of the phrase, regex or range opening at {@code i}, or -1 when none does. */
  private static int spanEnd(String s, int i) {
    char c = s.charAt(i);
    if (c == '"') {
      for (int j = i + 1; j < s.length(); j++) {
        if (s.charAt(j) == '\\') {
          j++;
        } else if (s.charAt(j) == '"') {
          return j + 1;
        }
      }
    } else if (c == '/') {
      // Where Lucene ends a regex: at the first '/' without a backslash before it (or, with
      // none, at the last one with). A regex runs up to the end of a word, or is not one.
      int end = -1;
      for (int j = i + 1; j < s.length() && (end < 0 || s.charAt(end - 1) == '\\'); j++) {
        if (s.charAt(j) == '/') {
          end = j;
        }
      }
      if (end > i + 1 && (end + 1 == s.length() || endsWord(s.charAt(end + 1)))) {
        return end + 1;
      }
    } else if (c == '[' || c == '{') {
      Matcher m = RANGE.matcher(s).region(i, s.length());
      if (m.lookingAt()) {
        return m.end();
      }
    }
    return -1;
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || c == ')';
  }
}
