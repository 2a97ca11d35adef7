package org.broadsheet.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.Header;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.broadsheet.Broadsheet;
import org.broadsheet.export.AtomFeed;
import org.broadsheet.export.ExportFormat;
import org.broadsheet.export.HitWriter;
import org.broadsheet.search.SearchResult;
import org.broadsheet.index.Fields;
import org.broadsheet.search.OriginalFile;
import org.broadsheet.search.SearchRequest;

/** The JSON API's handlers. Every parameter is checked where it is read; a bad one is a 400 that says which. */
public final class SearchController {
  /** The parameters search accepts; any other is a 400. OpenApiTest holds the description to these. */
  /** Excluding a value of a dimension: {@code not_people=...}. */
  static final String NOT = "not_";
  /** What selects articles: the query, filters, exclusions, dates and group; every route that searches takes these. */
  static final Set<String> FILTER_PARAMS = union(union(
      Set.of("q", "published", "from", "to", "group"), Set.copyOf(Fields.FILTER_DIMS)),
      Set.copyOf(Fields.FILTER_DIMS.stream().map(d -> NOT + d).toList()));
  static final Set<String> SEARCH_PARAMS = union(FILTER_PARAMS, Set.of("sort", "page", "size", "collapse", "after", "exact"));
  static final Set<String> FACET_PARAMS = union(FILTER_PARAMS, Set.of("prefix", "limit", "collapse", "sort", "page", "size"));
  static final Set<String> EXPORT_PARAMS = union(FILTER_PARAMS, Set.of("sort", "format"));
  static final Set<String> FEED_PARAMS = union(FILTER_PARAMS, Set.of("collapse"));
  /** Entries in a feed: the newest 50, as feed readers expect a few dozen. */
  static final int FEED_ENTRIES = 50;
  static final Set<String> SUGGEST_PARAMS = Set.of("prefix", "limit");
  /** Longest prefix completed: a search box's word or name, not a query. */
  static final int MAX_SUGGEST_PREFIX = 100;
  /** Longest id accepted: ids are relative paths, and no real path comes near it. */
  private static final int MAX_ID_LENGTH = 1024;
  /** Longest facet value prefix: longer than any name, and each value's key is compared with it. */
  private static final int MAX_PREFIX_LENGTH = 200;

  /**
   * The policy an original file is served under: a sandbox (a unique origin, no script, no forms,
   * no plug-ins), nothing loaded from anywhere but its own inline styles and data: images, so a
   * saved page can neither run in this origin nor tell a third party it was opened.
   */
  static final String ORIGINAL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private final Broadsheet archive;
  private final ObjectMapper mapper;

  /** @param mapper the API's JSON mapper, for JSON Lines exports (shows {@code path} or not, as the answers do) */
  public SearchController(Broadsheet archive, ObjectMapper mapper) {
    this.archive = archive;
    this.mapper = mapper;
  }

  public void search(Context ctx) throws IOException {
    checkParams(ctx, SEARCH_PARAMS);
    ctx.json(archive.search(request(ctx)));
  }

  public void article(Context ctx) throws IOException {
    String id = articleId(ctx);
    ctx.json(ArticleAnswer.of(archive.article(id).orElseThrow(() -> noArticle(id))));
  }

  /**
   * The article's file as it is. Only the file the index recorded for the id is served, and only
   * while it lies under the index's folders ({@code OriginalFiles}); HTML is rendered sandboxed (no
   * script, no requests), anything but HTML and plain text is a download.
   */
  public void original(Context ctx) throws IOException {
    String id = articleId(ctx);
    OriginalFile file;
    try {
      file = archive.original(id).orElseThrow(() -> noArticle(id));
    } catch (NoSuchFileException e) {
      throw new NotFoundResponse("the file of article '" + id + "' is no longer in the archive's folders");
    }
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(file.file(), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new NotFoundResponse("the file of article '" + id + "' cannot be read");
    }
    boolean inline = file.isHtml() || file.isPlainText();
    ctx.contentType(file.contentType());
    ctx.header(Header.CONTENT_DISPOSITION, ContentDisposition.of(inline ? "inline" : "attachment", file.fileName()));
    // Whatever the file holds, it runs nothing here: no script, no plug-in, no request elsewhere.
    ctx.header(Header.CONTENT_SECURITY_POLICY, ORIGINAL_CSP);
    ctx.header(Header.CONTENT_LENGTH, String.valueOf(channel.size()));
    ctx.result(Channels.newInputStream(channel));
  }

  private static String articleId(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.contains("\0")) {
      throw new BadRequestResponse("not an article id");
    }
    return id;
  }

  private static NotFoundResponse noArticle(String id) {
    return new NotFoundResponse("no article with id '" + id + "'");
  }

  public void facets(Context ctx) throws IOException {
    checkParams(ctx, FACET_PARAMS);
    String dim = ctx.pathParam("dim");
    int limit = intParam(ctx, "limit", 100, 1, 1000);
    String prefix = ctx.queryParam("prefix");
    if (prefix != null && prefix.length() > MAX_PREFIX_LENGTH) {
      throw new BadRequestResponse("'prefix' may be at most " + MAX_PREFIX_LENGTH + " characters");
    }
    ctx.json(Map.of("dim", dim, "values", archive.facetValues(request(ctx), dim, prefix, limit)));
  }

  /** Completions for the search box: entity names and common words starting with {@code prefix}. */
  public void suggest(Context ctx) throws IOException {
    checkParams(ctx, SUGGEST_PARAMS);
    String prefix = ctx.queryParam("prefix");
    if (prefix == null || prefix.isBlank()) {
      throw new BadRequestResponse("'prefix' is required: the start of a word or name");
    }
    if (prefix.length() > MAX_SUGGEST_PREFIX) {
      throw new BadRequestResponse("'prefix' may be at most " + MAX_SUGGEST_PREFIX + " characters");
    }
    if (prefix.indexOf('\0') >= 0 || prefix.indexOf('\u001e') >= 0 || prefix.indexOf('\u001f') >= 0) {
      throw new BadRequestResponse("'prefix' holds a control character");
    }
    int limit = intParam(ctx, "limit", 8, 1, 50);
    ctx.json(new SuggestAnswer(prefix, archive.complete(prefix.strip(), limit)));
  }

  /** The suggest route's answer. */
  record SuggestAnswer(String prefix, java.util.List<org.broadsheet.search.Completion> suggestions) {
  }

  /**
   * Every article matching the search, streamed as CSV or JSON Lines: no page limit, memory for one
   * page at a time. Nothing is written before the first hit, so a bad query is still a 400.
   */
  public void export(Context ctx) throws IOException {
    checkParams(ctx, EXPORT_PARAMS);
    ExportFormat format = ExportFormat.of(ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format"));
    SearchRequest r = request(ctx);
    HitWriter[] writer = new HitWriter[1];
    archive.export(r, hit -> {
      if (writer[0] == null) {
        writer[0] = startExport(ctx, format);
      }
      writer[0].accept(hit);
    });
    // The rows are out; close writes what is left (the header alone when nothing matched).
    try (HitWriter w = writer[0] != null ? writer[0] : startExport(ctx, format)) {
      ctx.status(200);
    }
  }

  private HitWriter startExport(Context ctx, ExportFormat format) throws IOException {
    ctx.contentType(format.mediaType());
    ctx.header("Content-Disposition", "attachment; filename=\"broadsheet-export." + format.extension() + "\"");
    return format.writer(ctx.outputStream(), mapper);
  }

  /** The 50 newest articles matching the search, as an Atom feed. */
  public void feed(Context ctx) throws IOException {
    checkParams(ctx, FEED_PARAMS);
    SearchRequest r = request(ctx).withSort(SearchRequest.Sort.NEWEST).withSize(FEED_ENTRIES);
    SearchResult result = archive.search(r);
    String base = ctx.scheme() + "://" + ctx.host();
    String query = ctx.queryString() == null || ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString();
    AtomFeed feed = new AtomFeed(FeedTitle.of(r), base + "/api/feed" + query, base + "/" + query,
        id -> base + "/article.html?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8),
        dim -> base + "/api/facets/" + dim);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    feed.write(result.hits(), Instant.now(), out);
    ctx.contentType("application/atom+xml; charset=utf-8").result(out.toByteArray());
  }

  static SearchRequest request(Context ctx) {
    Map<String, List<String>> filters = values(ctx, "");
    Map<String, List<String>> excluded = values(ctx, NOT);
    return new SearchRequest(ctx.queryParam("q"), filters, ctx.queryParam("published"), ctx.queryParam("from"),
        ctx.queryParam("to"), sort(ctx.queryParam("sort")), intParam(ctx, "page", 1, 1, Integer.MAX_VALUE),
        intParam(ctx, "size", 10, 1, SearchRequest.MAX_SIZE), excluded, ctx.queryParam("group"),
        bool(ctx, "collapse", true), ctx.queryParam("after"), bool(ctx, "exact", false));
  }

  /** The values of each dimension's parameter ({@code prefix} + dimension), at most 50 each. */
  private static Map<String, List<String>> values(Context ctx, String prefix) {
    Map<String, List<String>> out = new HashMap<>();
    for (String dim : Fields.FILTER_DIMS) {
      List<String> values = ctx.queryParams(prefix + dim); // SearchRequest refuses an empty one
      if (values.size() > 50) {
        throw new BadRequestResponse("at most 50 values may be given for '" + prefix + dim + "'");
      }
      if (!values.isEmpty()) {
        out.put(dim, values);
      }
    }
    return out;
  }

  private static boolean bool(Context ctx, String name, boolean fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadRequestResponse("'" + name + "' must be true or false, not '" + v + "'");
    };
  }

  private static SearchRequest.Sort sort(String value) {
    if (value == null || value.isBlank()) {
      return null; // the request's default: newest without a query, relevance with one
    }
    try {
      return SearchRequest.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("'sort' must be relevance, newest or oldest, not '" + value + "'");
    }
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new BadRequestResponse("'" + name + "' must be from " + min + " to " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("'" + name + "' must be a whole number, not '" + v + "'");
    }
  }

  static void checkParams(Context ctx, Set<String> allowed) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        throw new BadRequestResponse("unknown parameter '" + name + "'");
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
