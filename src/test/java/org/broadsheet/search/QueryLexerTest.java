package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which characters enclose, and how a typed query splits into tokens. */
class QueryLexerTest {
  private final QueryLexer lexer = new QueryLexer(FieldPolicy.archive(), QueryLimits.defaults());

  /** Tokens as KIND:text, a leading '_' marking one that follows another without a space. */
  private String tokens(String typed) {
    return lexer.tokens(typed).stream()
        .map(t -> (t.spaceBefore() ? "" : "_") + t.kind() + ":" + t.text())
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a b                  | WORD:a WORD:b
      "a b" c              | PHRASE:"a b" WORD:c
      "a b"~2              | PHRASE:"a b" _WORD:~2
      -"a b"               | WORD:- _PHRASE:"a b"
      title:"a b"          | WORD:title: _PHRASE:"a b"
      Brexit:"a b"         | WORD:Brexit:"a WORD:b"
      12" single           | WORD:12" WORD:single
      "quoted phrase       | WORD:"quoted WORD:phrase
      (a b)                | OPEN:( _WORD:a WORD:b _CLOSE:)
      f(x)                 | WORD:f(x)
      (a (b)               | WORD:(a OPEN:( _WORD:b _CLOSE:)
      ( )                  | WORD:( WORD:)
      a\\ b                | WORD:a\\ b
      /a b/ c              | REGEX:/a b/ WORD:c
      /a/b c               | WORD:/a/b WORD:c
      /a\\/b/              | REGEX:/a\\/b/
      //                   | WORD://
      `[TO TO b]`          | `WORD:[TO WORD:TO WORD:b]`
      24/7 / 9/11          | WORD:24/7 WORD:/ WORD:9/11
      `[a TO b]`           | `RANGE:[a TO b]`
      `[Updated]`          | `WORD:[Updated]`
      """)
  void tokensOf(String typed, String expected) {
    assertEquals(expected, tokens(typed));
  }

  @Test
  void columnsCountFromOne() {
    assertEquals(List.of(1, 3, 4, 5), lexer.tokens("a (b)").stream().map(QueryLexer.Token::column).toList());
  }

  @Test
  void groupsNestNoDeeperThanTheLimit() {
    assertEquals(33, lexer.tokens("(".repeat(16) + "x" + ")".repeat(16)).size());
    assertEquals("parentheses nest deeper than 16 at column 17", assertThrows(BadQueryException.class,
        () -> lexer.tokens("(".repeat(17) + "x" + ")".repeat(17))).getMessage());
  }
}
