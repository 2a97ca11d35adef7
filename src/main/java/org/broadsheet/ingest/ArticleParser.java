package org.broadsheet.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.XmlRootExtractor;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads one file into an {@link Article} with Apache Tika: detects the type from the
 * content, extracts text and metadata, and falls back to the text itself for the title,
 * date and byline. Thread-safe: one instance serves all indexing threads.
 */
public final class ArticleParser implements AutoCloseable {
  /** Types that can hold a news article. Anything else (images, archives, binaries) is skipped. */
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "text/plain", "text/html", "application/xhtml+xml", "application/xml", "text/xml",
      "application/pdf", "application/rtf", "text/rtf", "message/rfc822", "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.oasis.opendocument.text", "application/x-tika-ooxml");

  private static final Pattern JSON_LD_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{4,40})\"");
  private static final Pattern ITEMPROP_PUBLISHED = Pattern.compile(
      "itemprop=[\"']datePublished[\"'][^>]*?(?:content|datetime)=[\"']([^\"']{4,40})[\"']"
          + "|(?:content|datetime)=[\"']([^\"']{4,40})[\"'][^>]*?itemprop=[\"']datePublished[\"']",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*?\\blang=[\"']([A-Za-z]{2,3})", Pattern.CASE_INSENSITIVE);
  private static final Pattern BYLINE_LINE = Pattern.compile("^\\s*By\\s+([\\p{Lu}][^\\n]{2,80})$", Pattern.MULTILINE);
  private static final Pattern AGENCY = Pattern.compile("^[^\\n]{0,80}?\\(([\\p{Lu}][\\p{L} .&]{1,30})\\)\\s*[-–—]", Pattern.MULTILINE);
  /** Metadata keys that carry a publication time, most specific first. */
  private static final String[] DATE_KEYS = {"article:published_time", "og:article:published_time",
      "datePublished", "publication_date", "pubdate", "publishdate", "date", "DC.date.issued", "dc.date", "dcterms.date",
      "sailthru.date", "parsely-pub-date"};

  /**
   * Deepest markup nesting accepted. Real article HTML nests a few dozen levels; a page
   * 1,000 deep is built to exhaust the parser. The JDK's XML parser (NITF, NewsML) has its
   * own limit, {@code jdk.xml.maxElementDepth}.
   */
  static final int MAX_DEPTH = 1_000;
  /** Share of control bytes above which a file is binary, whatever charset a detector guesses for it. */
  private static final int BINARY_CONTROL_SHARE = 20; // 1 in 20 bytes = 5 %

  /** Metadata key under which {@link #parseNow} leaves the type it detected, so Tika does not detect it again. */
  private static final String DETECTED_TYPE = "X-Broadsheet-Detected-Type";

  /**
   * Tika's parsers and detector, made on the first parse: a re-index that finds nothing changed
   * never pays for them (TikaConfig's service loading takes about a second).
   */
  private volatile Engines engines;
  private volatile LanguageDetector languagesLoaded;
  private final ParserLimits limits;
  /** Parses run here so a pathological file can be abandoned after {@link ParserLimits#timeout()}. */
  private final ExecutorService parseThreads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tika-parse");
    t.setDaemon(true);
    return t;
  });

  public ArticleParser(ParserLimits limits) {
    this.limits = limits;
  }

  /**
   * Parses {@code file}, found under {@code root}, into an article whose id is the path relative to root.
   *
   * @throws SkippedFileException when the file is not indexable; the subclass says why
   */
  public Article parse(Path root, Path file) throws SkippedFileException {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new SkippedFileException.Unreadable(file, "cannot read: " + e.getMessage(), e);
    }
    if (size == 0) {
      throw new SkippedFileException.Empty(file, "empty file");
    }
    if (size > limits.maxFileBytes()) {
      throw new SkippedFileException.TooLarge(file,
          "file is " + size + " bytes, over the limit of " + limits.maxFileBytes());
    }
    Future<Article> result = parseThreads.submit(() -> parseNow(root, file));
    try {
      return result.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new SkippedFileException.Timeout(file, "parsing took over " + limits.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new SkippedFileException.Unreadable(file, "interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SkippedFileException skipped) {
        throw skipped;
      }
      Throwable cause = e.getCause();
      if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
        throw new SkippedFileException.Corrupt(file, "parser ran out of resources: " + cause, cause);
      }
      throw new SkippedFileException.Corrupt(file, "parser failed: " + cause, cause);
    }
  }

  private Article parseNow(Path root, Path file) throws SkippedFileException, IOException {
    byte[] bytes = Files.readAllBytes(file);
    String hash = sha256(bytes);
    String id = idOf(root, file);
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      type = engines().detector.detect(in, md);
    }
    String baseType = type.getBaseType().toString();
    if (!ARTICLE_TYPES.contains(baseType) && !baseType.endsWith("+xml")) {
      throw new SkippedFileException.NotAnArticle(file, "not an article: " + baseType);
    }
    if (ZipBombCheck.isZip(bytes)) {
      ZipBombCheck.check(file, bytes);
    }
    if (baseType.endsWith("xml")) {
      QName rootElement = new XmlRootExtractor().extractRootElement(bytes);
      if (rootElement != null && NewsXml.reads(rootElement.getLocalPart())) {
        return newsXml(root, file, id, bytes, hash, baseType);
      }
    }
    if (baseType.equals("text/plain")) {
      return plainText(file, id, bytes, hash, baseType);
    }
    return tikaParse(file, id, bytes, hash, md, baseType);
  }

  /** Plain text is decoded, never rewritten, so that entity offsets point into the file's own text. */
  private Article plainText(Path file, String id, byte[] bytes, String hash, String type)
      throws SkippedFileException {
    if (!hasUnicodeBom(bytes) && controlBytes(bytes) * BINARY_CONTROL_SHARE > Math.min(bytes.length, 8192)) {
      // Checked on the bytes: a charset detector will find some 16-bit charset in which noise decodes to letters.
      throw new SkippedFileException.NotAnArticle(file, "not an article: binary content");
    }
    CharsetDetector charsets = new CharsetDetector();
    charsets.setText(bytes);
    String charset = charsets.detect() == null ? "UTF-8" : charsets.detect().getName();
    String text = new String(bytes, java.nio.charset.Charset.isSupported(charset)
        ? java.nio.charset.Charset.forName(charset) : StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    checkText(file, text);
    if (looksBinary(text)) {
      throw new SkippedFileException.NotAnArticle(file, "not an article: binary content");
    }
    String title = firstLine(text);
    return build(file, id, title, text, null, null, null, null, type, hash);
  }

  private Article newsXml(Path root, Path file, String id, byte[] bytes, String hash, String type)
      throws SkippedFileException {
    NewsXml.Fields f;
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      f = NewsXml.read(in);
    } catch (IOException | SAXException e) {
      throw limitOr(file, e, new SkippedFileException.Corrupt(file, "malformed XML: " + e.getMessage(), e));
    }
    checkText(file, f.text());
    return build(file, id, f.title(), f.text(), PublishedDates.parseMetadata(f.published()),
        f.byline(), f.source(), f.language(), type, hash);
  }

  private Article tikaParse(Path file, String id, byte[] bytes, String hash, Metadata md, String type)
      throws SkippedFileException, IOException {
    // The write limit stops a decompression bomb or a huge document from filling the heap.
    BodyContentHandler handler = new BodyContentHandler(limits.maxTextChars());
    GuardedHandler guarded = new GuardedHandler(handler, MAX_DEPTH);
    ParseContext context = new ParseContext();
    context.set(HtmlMapper.class, new ArticleHtmlMapper());
    // Of embedded parts only text is read (an e-mail's body is one); attachments, images and
    // nested archives are not: an article is the text itself, and this keeps a nested
    // archive from multiplying the work.
    AutoDetectParser tika = engines().tika;
    context.set(Parser.class, tika);
    md.set(DETECTED_TYPE, type);
    context.set(EmbeddedDocumentExtractor.class, new TextPartsOnly(context));
    try (TikaInputStream in = TikaInputStream.get(bytes, md)) {
      tika.parse(in, guarded, md, context);
    } catch (EncryptedDocumentException e) {
      throw new SkippedFileException.Encrypted(file, "encrypted or password-protected", e);
    } catch (ZeroByteFileException e) {
      throw new SkippedFileException.Empty(file, "empty file");
    } catch (SAXException e) {
      throw limitOr(file, e, new SkippedFileException.Corrupt(file, "malformed: " + e.getMessage(), e));
    } catch (TikaException e) {
      SkippedFileException limit = limitOr(file, e, null);
      if (limit != null) {
        throw limit;
      }
      if (e.getCause() instanceof EncryptedDocumentException || String.valueOf(e.getMessage()).contains("encrypt")) {
        throw new SkippedFileException.Encrypted(file, "encrypted or password-protected", e);
      }
      throw new SkippedFileException.Corrupt(file, "corrupt: " + e.getMessage(), e);
    }
    String text = tidy(handler.toString());
    checkText(file, text);
    String title = firstNonBlank(md.get(TikaCoreProperties.TITLE), firstLine(text));
    String head = type.contains("html") ? new String(bytes, 0, Math.min(bytes.length, 512 * 1024), StandardCharsets.UTF_8) : "";
    Instant published = publishedFromMetadata(md, head);
    String byline = firstNonBlank(md.get(TikaCoreProperties.CREATOR), md.get("author"));
    if (type.equals("message/rfc822")) {
      byline = firstNonBlank(md.get(Office.AUTHOR), md.get(TikaCoreProperties.CREATOR));
    }
    String source = firstNonBlank(md.get(TikaCoreProperties.PUBLISHER), md.get("og:site_name"));
    String language = firstNonBlank(md.get(TikaCoreProperties.LANGUAGE), md.get("Content-Language"), group(HTML_LANG, head));
    return build(file, id, title, text, published, byline, source, language, type, hash);
  }

  /**
   * The limit that stopped a parse, found in the cause chain (parsers wrap what stops them):
   * our text length, nesting and timeout guards, Tika's own bomb guard, and the JDK XML
   * parser's depth and entity limits (whose messages carry stable JAXP codes). Else {@code otherwise}.
   */
  private SkippedFileException limitOr(Path file, Throwable e, SkippedFileException otherwise) {
    GuardedHandler.Stop stop = GuardedHandler.stopIn(e);
    if (stop != null && stop.tooDeep) {
      return new SkippedFileException.TooDeep(file, stop.getMessage());
    }
    if (stop != null) {
      return new SkippedFileException.Timeout(file, "parsing took over " + limits.timeout().toSeconds() + " s");
    }
    if (WriteLimitReachedException.isWriteLimitReached(e)) {
      return new SkippedFileException.TooLarge(file, "more than " + limits.maxTextChars() + " characters of text");
    }
    for (Throwable t = e; t != null; t = next(t)) {
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("Suspected zip bomb")) { // Tika's SecureContentHandler (private class, stable message)
        return message.contains("nesting") ? new SkippedFileException.TooDeep(file,
            "markup nested too deep: " + message.replace("Suspected zip bomb: ", "Tika stops at "))
            : new SkippedFileException.Bomb(file, message);
      }
      if (message.contains("JAXP00010006")) {
        return new SkippedFileException.TooDeep(file, "XML nested deeper than the parser's limit");
      }
      if (message.matches("(?s).*JAXP0001000[1-4].*")) {
        return new SkippedFileException.Bomb(file, "XML entities expand past the parser's limit (billion laughs)");
      }
    }
    return otherwise;
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null && t.getCause() != t) {
      return t.getCause();
    }
    return t instanceof SAXException sax && sax.getException() != t ? sax.getException() : null;
  }

  private static Instant publishedFromMetadata(Metadata md, String htmlHead) {
    for (String key : DATE_KEYS) {
      Instant t = PublishedDates.parseMetadata(md.get(key));
      if (t != null) {
        return t;
      }
    }
    Instant t = PublishedDates.parseMetadata(group(JSON_LD_PUBLISHED, htmlHead));
    if (t == null) {
      Matcher m = ITEMPROP_PUBLISHED.matcher(htmlHead);
      if (m.find()) {
        t = PublishedDates.parseMetadata(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    if (t == null) {
      t = PublishedDates.parseMetadata(md.get(TikaCoreProperties.CREATED));
    }
    return t;
  }

  /** Fills in from the text what the metadata lacked, then builds the record. */
  private Article build(Path file, String id, String title, String text, Instant published, String byline,
                        String source, String language, String type, String hash) {
    if (published == null) {
      published = PublishedDates.fromDateline(text);
    }
    if (published == null) {
      published = PublishedDates.fromFileName(file.getFileName().toString());
    }
    String head = text.length() > 1000 ? text.substring(0, 1000) : text;
    if (byline == null) {
      byline = group(BYLINE_LINE, head);
    }
    if (source == null) {
      source = group(AGENCY, head);
    }
    if (language == null) {
      language = detectLanguage(text);
    }
    String cleanTitle = title == null ? "" : title.replaceAll("\\s+", " ").strip();
    if (cleanTitle.length() > 300) {
      cleanTitle = cleanTitle.substring(0, 300);
    }
    return new Article(id, file.toAbsolutePath().toString(), cleanTitle, text, published,
        byline == null ? null : byline.strip(), source == null ? null : source.strip(),
        language == null ? null : language.toLowerCase(Locale.ROOT), type, hash);
  }

  private String detectLanguage(String text) {
    if (text.length() < 40) {
      return null;
    }
    String sample = text.length() > 2000 ? text.substring(0, 2000) : text;
    LanguageResult r;
    LanguageDetector languages = languages();
    synchronized (languages) { // Tika's detector keeps the text it is given: one caller at a time
      r = languages.detect(sample);
    }
    return r.isReasonablyCertain() ? r.getLanguage() : null;
  }

  private void checkText(Path file, String text) throws SkippedFileException {
    if (text == null || text.isBlank()) {
      throw new SkippedFileException.Empty(file, "no text");
    }
    if (text.length() > limits.maxTextChars()) {
      throw new SkippedFileException.TooLarge(file, "more than " + limits.maxTextChars() + " characters of text");
    }
  }

  /** Control bytes (other than tab, line feed, form feed, carriage return, escape) in the first 8 KB. */
  private static int controlBytes(byte[] bytes) {
    int n = 0;
    for (int i = 0, end = Math.min(bytes.length, 8192); i < end; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        n++;
      }
    }
    return n;
  }

  /** UTF-16 and UTF-32 text has many zero bytes; with a byte-order mark it is text all the same. */
  private static boolean hasUnicodeBom(byte[] b) {
    return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
        || (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF));
  }

  /** Text with many control characters is a binary file that happened to be detected as text. */
  private static boolean looksBinary(String text) {
    int sample = Math.min(text.length(), 8192);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return control > sample / 20;
  }

  private static String tidy(String text) {
    return text.replace("\r\n", "\n").replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  static String firstLine(String text) {
    for (String line : text.split("\\R", 20)) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String group(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  /** The article id of {@code file}: {@link ArticleId#of}, whichever root it was found under. */
  public static String idOf(Path root, Path file) {
    return ArticleId.of(file);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Engines engines() {
    Engines e = engines;
    if (e == null) {
      synchronized (this) {
        e = engines;
        if (e == null) {
          engines = e = new Engines();
        }
      }
    }
    return e;
  }

  private LanguageDetector languages() {
    LanguageDetector l = languagesLoaded;
    if (l == null) {
      synchronized (this) {
        l = languagesLoaded;
        if (l == null) {
          languagesLoaded = l = new OptimaizeLangDetector().loadModels();
        }
      }
    }
    return l;
  }

  /**
   * The detector, and an AutoDetectParser that (1) trusts the type {@link #parseNow} already
   * detected instead of running every magic pattern a second time (profiled: detection was half
   * of all ingest CPU), and (2) works out its map of parsers by type once rather than on every
   * parse (Tika's DefaultParser rebuilds it each time). Embedded parts carry no detected type and
   * are detected as usual.
   */
  private static final class Engines {
    final Detector detector;
    final AutoDetectParser tika;

    Engines() {
      detector = org.apache.tika.config.TikaConfig.getDefaultConfig().getDetector();
      Detector trusting = (in, md) -> {
        String known = md.get(DETECTED_TYPE);
        return known != null ? MediaType.parse(known) : detector.detect(in, md);
      };
      tika = new AutoDetectParser(trusting) {
        private volatile java.util.Map<MediaType, Parser> parsers;

        @Override
        public java.util.Map<MediaType, Parser> getParsers(ParseContext context) {
          java.util.Map<MediaType, Parser> p = parsers;
          if (p == null) {
            parsers = p = super.getParsers(context);
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

  @Override
  public void close() {
    parseThreads.shutdownNow();
  }
}
