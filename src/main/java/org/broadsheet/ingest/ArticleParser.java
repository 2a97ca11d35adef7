package org.broadsheet.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.apache.tika.detect.XmlRootExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.SAXException;

/**
 * Reads one file into an {@link Article}: decides from the content whether it is an article
 * and of which kind, reads plain text itself ({@link TextDecoder}), NITF and NewsML-G2 with
 * {@link NewsXml}, and everything else with Tika ({@link TikaReader}); then fills in from the
 * text what the metadata lacked (title, byline, agency, language) and finds the published date
 * ({@link PublishedDateFinder}). Each parse is made to stop, and abandoned, after
 * {@link ParserLimits#timeout()}. Thread-safe: one instance serves all indexing threads.
 */
public final class ArticleParser implements AutoCloseable {
  /** Types that can hold a news article. Anything else (images, archives, binaries) is skipped. */
  private static final Set<String> ARTICLE_TYPES = Set.of(
      "text/plain", "text/html", "application/xhtml+xml", "application/xml", "text/xml",
      "application/pdf", "application/rtf", "text/rtf", "message/rfc822", "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.oasis.opendocument.text", "application/x-tika-ooxml");
  /**
   * Formats written in text that a file named ".txt" may hold and is still read as: a saved web
   * page, an RTF document, an e-mail; and XML that has a root element. Any other type detected in
   * a ".txt" file that decodes as text is the detector reading too much into a first word.
   */
  private static final Set<String> TEXT_FORMATS =
      Set.of("text/html", "application/xhtml+xml", "application/rtf", "text/rtf", "message/rfc822");
  /** Metadata keys that carry a publication time, most specific first. */
  private static final String[] DATE_KEYS = {"article:published_time", "og:article:published_time",
      "datePublished", "publication_date", "pubdate", "publishdate", "date", "DC.date.issued", "dc.date", "dcterms.date",
      "sailthru.date", "parsely-pub-date"};
  /** Characters of an HTML page's markup searched for JSON-LD, microdata and its language. */
  private static final int HTML_HEAD_BYTES = 512 * 1024;

  /**
   * Deepest markup nesting accepted. Real article HTML nests a few dozen levels; a page
   * 1,000 deep is built to exhaust the parser. The JDK's XML parser (NITF, NewsML) has its
   * own limit, {@code jdk.xml.maxElementDepth}.
   */
  static final int MAX_DEPTH = 1_000;
  /**
   * How long a timed-out parse is given to notice it was abandoned and stop before the next
   * file is started. Every step checks for the interrupt (Tika's output, regexes, text loops);
   * this bounds the wait on a library that does not.
   */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

  private final ParserLimits limits;
  private final ParseFailures failures;
  private final TikaReader tika;
  private final LanguageGuesser languages = new LanguageGuesser();
  private final PublishedDateFinder dates;
  /** The parses running on their callers' threads ({@link #parseHere}) and their alarms. */
  private final InlineParses inline;
  /** Parses run here so a pathological file can be abandoned after {@link ParserLimits#timeout()}. */
  private final ExecutorService parseThreads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tika-parse");
    t.setDaemon(true);
    return t;
  });

  public ArticleParser(ParserLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** @param clock "now", for the latest plausible published date */
  ArticleParser(ParserLimits limits, Clock clock) {
    this.limits = limits;
    this.failures = new ParseFailures(limits);
    this.tika = new TikaReader(limits, failures);
    this.dates = new PublishedDateFinder(clock);
    this.inline = new InlineParses(limits.timeout(), CANCEL_GRACE);
  }

  /**
   * Parses {@code file} into an article whose id is its {@link ArticleId}, on a thread of the
   * parser's own, which is abandoned after {@link ParserLimits#timeout()}: for one file at a time.
   *
   * @throws SkippedFileException when the file is not indexable; the subclass says why
   */
  public Article parse(Path file) throws SkippedFileException {
    checkSize(file);
    tika.load();
    languages.load();
    CountDownLatch stopped = new CountDownLatch(1);
    Future<Article> result = parseThreads.submit(() -> {
      try {
        return parseNow(file);
      } finally {
        stopped.countDown();
      }
    });
    try {
      return result.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(result, stopped);
      throw failures.timeout(file);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new SkippedFileException.Unreadable(file, "interrupted", e);
    } catch (ExecutionException e) {
      throw failure(file, e.getCause(), false);
    }
  }

  /**
   * Parses {@code file} as {@link #parse} does, on the calling thread: for a run's worker threads,
   * which then go on to the article's extraction and indexing with no hand-over between threads
   * (handing each file to a parse thread and back left a tenth of two cores idle, waiting to be woken).
   * The parse is interrupted at the timeout. One that ignores the interrupt for {@link #CANCEL_GRACE}
   * more is reported by {@link #overrun}, for the caller's run to give it up and replace its thread.
   *
   * @throws SkippedFileException when the file is not indexable; the subclass says why
   * @throws ParseOverrun         when the parse returns after the run gave it up
   */
  public Article parseHere(Path file) throws SkippedFileException {
    checkSize(file);
    tika.load();
    languages.load();
    InlineParses.Running run = inline.start(file);
    Article article = null;
    Throwable failed = null;
    try {
      article = parseNow(file);
    } catch (SkippedFileException | IOException | RuntimeException | Error e) {
      failed = e;
    }
    run.end();
    if (run.givenUp()) {
      throw new ParseOverrun(file);
    }
    if (failed != null) {
      throw failure(file, failed, run.rang());
    }
    return article;
  }

  /**
   * The threads in {@link #parseHere} whose parse has run {@link #CANCEL_GRACE} past the timeout,
   * and the timeout each file is reported with. Each is given up now, and returned once.
   */
  public Map<Thread, SkippedFileException> overrun() {
    Map<Thread, SkippedFileException> out = new HashMap<>();
    inline.overrun().forEach((thread, file) -> out.put(thread, failures.timeout(file)));
    return out;
  }

  private void checkSize(Path file) throws SkippedFileException {
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
  }

  /** What a parse that threw {@code cause} reports; {@code interrupted}: the timeout's interrupt came first. */
  private SkippedFileException failure(Path file, Throwable cause, boolean interrupted) {
    if (cause instanceof SkippedFileException skipped) {
      return skipped;
    }
    ParseFailures.rethrowLinkageError(cause);
    if (cause instanceof ParseCancelled || interrupted) {
      return failures.timeout(file);
    }
    if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
      return new SkippedFileException.Corrupt(file, "parser ran out of resources: " + cause, cause);
    }
    return new SkippedFileException.Corrupt(file, "parser failed: " + cause, cause);
  }

  /**
   * Interrupts a parse that ran out of time and waits (at most {@link #CANCEL_GRACE}) until it
   * has stopped, so that it does not go on taking a core from the files after it.
   */
  private static void abandon(Future<Article> parse, CountDownLatch stopped) {
    parse.cancel(true);
    try {
      stopped.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Article parseNow(Path file) throws SkippedFileException, IOException {
    byte[] bytes = Files.readAllBytes(file);
    String hash = sha256(bytes);
    String id = ArticleId.of(file);
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    String quick = QuickType.of(bytes, namedAsText(file));
    if (QuickType.PLAIN.equals(quick)) {
      TextDecoder.Decoded text = TextDecoder.decode(bytes);
      if (text != null) {
        return plainText(file, id, text, hash, QuickType.PLAIN);
      }
      quick = null; // binary: Tika says what it is
    }
    String baseType = quick != null ? quick : tika.detect(bytes, md).getBaseType().toString();
    QName rootElement = baseType.endsWith("xml") ? new XmlRootExtractor().extractRootElement(bytes) : null;
    TextDecoder.Decoded decoded = null;
    if (namedAsText(file) && !baseType.equals("text/plain") && !TEXT_FORMATS.contains(baseType)
        && rootElement == null) {
      // A ".txt" file whose first word looks like a script, a program or an image's magic
      // ("REM concerts blighted by illness") is an article all the same, if it is text.
      decoded = TextDecoder.decode(bytes);
      if (decoded != null) {
        baseType = "text/plain";
      }
    }
    if (!ARTICLE_TYPES.contains(baseType) && !baseType.endsWith("+xml")) {
      throw new SkippedFileException.NotAnArticle(file, "not an article: " + baseType);
    }
    if (ZipBombCheck.isZip(bytes)) {
      ZipBombCheck.check(file, bytes);
    }
    if (rootElement != null && NewsXml.reads(rootElement.getLocalPart())) {
      return newsXml(file, id, bytes, hash, baseType);
    }
    if (baseType.equals("text/plain")) {
      return plainText(file, id, decoded != null ? decoded : TextDecoder.decode(bytes), hash, baseType);
    }
    return tikaParse(file, id, bytes, hash, md, baseType);
  }

  private static boolean namedAsText(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".text");
  }

  /** Plain text is decoded, never rewritten, so that entity offsets point into the file's own text. */
  private Article plainText(Path file, String id, TextDecoder.Decoded decoded, String hash, String type)
      throws SkippedFileException {
    if (decoded == null) {
      throw new SkippedFileException.NotAnArticle(file, "not an article: binary content");
    }
    String text = decoded.text();
    checkText(file, text);
    return build(file, id, TextFallbacks.firstLine(text), text, dates.find(Stream.empty(), text, fileName(file)),
        null, null, null, type + "; charset=" + decoded.charset().name(), hash);
  }

  private Article newsXml(Path file, String id, byte[] bytes, String hash, String type)
      throws SkippedFileException {
    NewsXml.Fields f;
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      f = NewsXml.read(in);
    } catch (IOException | SAXException e) {
      throw failures.limitOr(file, e, new SkippedFileException.Corrupt(file, "malformed XML: " + e.getMessage(), e));
    }
    checkText(file, f.text());
    return build(file, id, f.title(), f.text(), dates.find(Stream.of(f.published()), f.text(), fileName(file)),
        f.byline(), f.source(), f.language(), type, hash);
  }

  private Article tikaParse(Path file, String id, byte[] bytes, String hash, Metadata md, String type)
      throws SkippedFileException, IOException {
    String text = tika.parse(file, bytes, md, type);
    checkText(file, text);
    String title = firstNonBlank(md.get(TikaCoreProperties.TITLE), TextFallbacks.firstLine(text));
    HtmlHead head = type.contains("html") ? new HtmlHead(htmlHead(bytes, md)) : null;
    String byline = firstNonBlank(md.get(TikaCoreProperties.CREATOR), md.get("author"));
    if (type.equals("message/rfc822")) {
      byline = firstNonBlank(md.get(Office.AUTHOR), md.get(TikaCoreProperties.CREATOR));
    }
    String source = firstNonBlank(md.get(TikaCoreProperties.PUBLISHER), md.get("og:site_name"));
    String language = firstNonBlank(md.get(TikaCoreProperties.LANGUAGE), md.get("Content-Language"),
        head == null ? null : head.lang());
    String charset = md.get(Metadata.CONTENT_ENCODING);
    String typeRead = type.startsWith("text/") && charset != null && Charset.isSupported(charset)
        ? type + "; charset=" + Charset.forName(charset).name() : type;
    return build(file, id, title, text, dates.find(publishedValues(md, head), text, fileName(file)), byline, source,
        language, typeRead, hash);
  }

  /** Metadata values that may hold the publication time, most specific first; each computed only when reached. */
  private static Stream<String> publishedValues(Metadata md, HtmlHead head) {
    Stream<Supplier<String>> markupThenCreated =
        Stream.of(() -> head == null ? null : head.published(), () -> md.get(TikaCoreProperties.CREATED));
    return Stream.concat(Stream.of(DATE_KEYS).map(md::get), markupThenCreated.map(Supplier::get));
  }

  /** The start of a page's markup, decoded with the charset Tika read it with. */
  private static String htmlHead(byte[] bytes, Metadata md) {
    Charset charset = StandardCharsets.UTF_8;
    String read = md.get(Metadata.CONTENT_ENCODING);
    if (read != null && Charset.isSupported(read)) {
      charset = Charset.forName(read);
    }
    return new String(bytes, 0, Math.min(bytes.length, HTML_HEAD_BYTES), charset);
  }

  /** Fills in from the text what the metadata lacked, then builds the record. */
  private Article build(Path file, String id, String title, String text, PublishedDate published, String byline,
                        String source, String language, String type, String hash) {
    if (byline == null) {
      byline = TextFallbacks.byline(text);
    }
    if (source == null) {
      source = TextFallbacks.agency(text);
    }
    if (language == null) {
      language = languages.guess(text);
    }
    String cleanTitle = TextFallbacks.cleanTitle(title);
    return new Article(id, file.toAbsolutePath().toString(), cleanTitle, text,
        published == null ? null : published.at(), published == null ? null : published.from(),
        byline == null ? null : byline.strip(), source == null ? null : source.strip(),
        language == null ? null : language.toLowerCase(Locale.ROOT), type, hash, BodyStart.of(cleanTitle, text));
  }

  private void checkText(Path file, String text) throws SkippedFileException {
    if (text == null || text.isBlank()) {
      throw new SkippedFileException.Empty(file, "no text");
    }
    if (text.length() > limits.maxTextChars()) {
      throw new SkippedFileException.TooLarge(file, "more than " + limits.maxTextChars() + " characters of text");
    }
  }

  private static String fileName(Path file) {
    return file.getFileName().toString();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
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

  @Override
  public void close() {
    parseThreads.shutdownNow();
    inline.close();
  }
}
