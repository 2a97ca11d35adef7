package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTidyTest {
  @Test
  void lineEndsTrailingSpaceAndBlankLines() {
    assertEquals("Title\n\nFirst line\nSecond  line", TextTidy.tidy("  Title \r\n\r\n\n \t\nFirst line\t \nSecond  line \n\n"));
    assertEquals("a\n\nb", TextTidy.tidy("a\n \n \n \nb"));
    assertEquals("a\rb", TextTidy.tidy("a\rb"), "a lone carriage return inside a line stays");
  }

  @Test
  void aLongRunOfSpacesWithoutALineEnd() {
    // The regex this replaces tried every start in the run: quadratic in its length.
    String text = "Headline\n" + " ".repeat(2_000_000) + "end";
    assertEquals("Headline\n" + " ".repeat(2_000_000) + "end", TextTidy.tidy(text));
  }
}
