package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.apache.tika.exception.TikaException;
import org.xml.sax.SAXException;
import org.junit.jupiter.api.Test;

/** What a failed parse is reported as. */
class ParseFailuresTest {
  private final ParseFailures failures = new ParseFailures(ParserLimits.DEFAULT);
  private final Path file = Path.of("story.html");

  @Test
  void aBrokenClasspathIsNotACorruptFile() {
    NoClassDefFoundError missing = new NoClassDefFoundError("org/apache/poi/Missing");
    TikaException wrapped = new TikaException("Unexpected RuntimeException from parser", new RuntimeException(missing));
    Error thrown = assertThrows(NoClassDefFoundError.class,
        () -> failures.limitOr(file, wrapped, new SkippedFileException.Corrupt(file, "corrupt", wrapped)));
    assertSame(missing, thrown);
    SAXException inSax = new SAXException(new RuntimeException(new UnsatisfiedLinkError("no libfoo")));
    assertThrows(UnsatisfiedLinkError.class, () -> ParseFailures.rethrowLinkageError(inSax));
  }

  @Test
  void guardsAndParserLimitsByKind() {
    assertEquals("timeout", failures.limitOr(file, new SAXException(new GuardedHandler.Stop("abandoned", false)), null).kind());
    assertEquals("nested too deep", failures.limitOr(file, new GuardedHandler.Stop("deep", true), null).kind());
    assertEquals("timeout", failures.limitOr(file, new TikaException("x", new ParseCancelled()), null).kind());
    assertEquals("bomb", failures.limitOr(file, new SAXException("JAXP00010001: entity expansion"), null).kind());
    assertEquals("nested too deep", failures.limitOr(file, new SAXException("JAXP00010006: depth"), null).kind());
    SkippedFileException otherwise = new SkippedFileException.Corrupt(file, "corrupt", null);
    assertSame(otherwise, failures.limitOr(file, new TikaException("bad header"), otherwise));
  }
}
