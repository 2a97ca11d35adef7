package org.broadsheet.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The Tika step: detects a file's type from its content, and reads the text and metadata of
 * the types Tika parses for us (HTML, PDF, Office, RTF, e-mail). Each parse is guarded: the
 * text is bounded, markup nesting is bounded, and the parse stops when its thread is
 * interrupted. Thread-safe: one instance serves all indexing threads.
 */
final class TikaReader {
  /** Metadata key under which the type already detected is passed on, so Tika does not detect it again. */
  private static final String DETECTED_TYPE = "X-Broadsheet-Detected-Type";

  private final ParserLimits limits;
  private final ParseFailures failures;
  /** The charset detector for markup, bounded by the file size limit. */
  private final EncodingDetector encodings;

  TikaReader(ParserLimits limits, ParseFailures failures) {
    this.limits = limits;
    this.failures = failures;
    this.encodings = new Utf8FirstEncodingDetector(new HtmlEncodingDetector(), new Icu4jEncodingDetector(),
        (int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 8));
  }

  /** The type of {@code bytes} by their content (and the file name in {@code md}, where content is not decisive). */
  MediaType detect(byte[] bytes, Metadata md) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      return engines().detector.detect(in, md);
    }
  }

  /**
   * Parses {@code bytes}, of the detected {@code type}, filling {@code md} with the file's
   * metadata (including the charset read, {@link Metadata#CONTENT_ENCODING}, for markup).
   *
   * @return the text, tidied
   */
  String parse(Path file, byte[] bytes, Metadata md, String type) throws SkippedFileException, IOException {
    // The write limit stops a decompression bomb or a huge document from filling the heap.
    BodyContentHandler handler = new BodyContentHandler(limits.maxTextChars());
    GuardedHandler guarded = new GuardedHandler(handler, ArticleParser.MAX_DEPTH);
    Engines e = engines();
    ParseContext context = new ParseContext();
    context.set(HtmlMapper.class, new ArticleHtmlMapper());
    context.set(EncodingDetector.class, encodings);
    // Of embedded parts only text is read (an e-mail's body is one); attachments, images and
    // nested archives are not: an article is the text itself, and this keeps a nested
    // archive from multiplying the work.
    context.set(Parser.class, e.tika);
    context.set(EmbeddedDocumentExtractor.class, new TextPartsOnly(context));
    md.set(DETECTED_TYPE, type);
    try (TikaInputStream in = TikaInputStream.get(bytes, md)) {
      e.tika.parse(in, guarded, md, context);
    } catch (EncryptedDocumentException ex) {
      throw new SkippedFileException.Encrypted(file, "encrypted or password-protected", ex);
    } catch (ZeroByteFileException ex) {
      throw new SkippedFileException.Empty(file, "empty file");
    } catch (SAXException ex) {
      throw failures.limitOr(file, ex, new SkippedFileException.Corrupt(file, "malformed: " + ex.getMessage(), ex));
    } catch (TikaException ex) {
      SkippedFileException limit = failures.limitOr(file, ex, null);
      if (limit != null) {
        throw limit;
      }
      if (ex.getCause() instanceof EncryptedDocumentException || String.valueOf(ex.getMessage()).contains("encrypt")) {
        throw new SkippedFileException.Encrypted(file, "encrypted or password-protected", ex);
      }
      throw new SkippedFileException.Corrupt(file, "corrupt: " + ex.getMessage(), ex);
    }
    return TextTidy.tidy(handler.toString());
  }

  /**
   * Makes Tika's parsers and detector now, if not yet made. Called on the indexing thread
   * before a parse starts: loading them is no file's fault, must not count against a file's
   * timeout, and must not be interrupted (an interrupted Log4j or service loader stays broken).
   */
  void load() {
    engines();
  }

  /**
   * Tika's parsers and detector, made on the first use in the process and shared by every reader
   * after: a re-index that finds nothing changed never pays for them, and neither does a second
   * archive opened in the same process (TikaConfig's service loading takes about a second of CPU,
   * and checks for external programs by starting them). They hold no state of a parse.
   */
  private static volatile Engines engines;

  private static Engines engines() {
    Engines e = engines;
    if (e == null) {
      synchronized (TikaReader.class) {
        e = engines;
        if (e == null) {
          engines = e = new Engines();
        }
      }
    }
    return e;
  }

  /**
   * The detector; an AutoDetectParser that (1) trusts the type {@link #detect} already found
   * instead of running every magic pattern a second time (profiled: detection was half of all
   * ingest CPU), and (2) works out its map of parsers by type once rather than on every parse
   * (Tika's DefaultParser rebuilds it each time), straight to the parser of each type. Embedded parts carry no
   * detected type and are detected as usual.
   */
  private static final class Engines {
    final Detector detector;
    final AutoDetectParser tika;

    Engines() {
      TikaConfig config = TikaConfig.getDefaultConfig();
      detector = config.getDetector();
      Detector trusting = (in, md) -> {
        String known = md.get(DETECTED_TYPE);
        return known != null ? MediaType.parse(known) : detector.detect(in, md);
      };
      tika = new AutoDetectParser(trusting) {
        private volatile Map<MediaType, Parser> parsers;

        @Override
        public Map<MediaType, Parser> getParsers(ParseContext context) {
          Map<MediaType, Parser> p = parsers;
          if (p == null) {
            // Each type straight to its parser: the DefaultParser in between would otherwise
            // rebuild its own map of every parser's types on each parse (profiled: 6 % of ingest).
            Map<MediaType, Parser> flat = new HashMap<>();
            super.getParsers(context).forEach((type, parser) -> flat.put(type,
                parser instanceof CompositeParser inner ? inner.getParsers(context).getOrDefault(type, parser) : parser));
            parsers = p = flat;
          }
          return p;
        }
      };
    }
  }

  /** Parses embedded text parts (an e-mail's body) and nothing else. */
  private static final class TextPartsOnly extends ParsingEmbeddedDocumentExtractor {
    TextPartsOnly(ParseContext context) {
      super(context);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      String type = metadata.get(Metadata.CONTENT_TYPE);
      return type != null && (type.startsWith("text/plain") || type.startsWith("text/html"));
    }
  }
}
