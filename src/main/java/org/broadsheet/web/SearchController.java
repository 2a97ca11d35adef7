package org.broadsheet.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.Fields;
import org.broadsheet.search.SearchRequest;

/** The JSON API's handlers. Every parameter is checked where it is read; a bad one is a 400 that says which. */
public final class SearchController {
  /** The parameters search accepts; any other is a 400. OpenApiTest holds the description to these. */
  static final Set<String> SEARCH_PARAMS = union(
      Set.of("q", "published", "from", "to", "sort", "page", "size"), Set.copyOf(Fields.FILTER_DIMS));
  static final Set<String> FACET_PARAMS = union(SEARCH_PARAMS, Set.of("prefix", "limit"));
  /** Longest id accepted: ids are relative paths, and no real path comes near it. */
  private static final int MAX_ID_LENGTH = 1024;
  /** Longest facet value prefix: longer than any name, and each value's key is compared with it. */
  private static final int MAX_PREFIX_LENGTH = 200;

  private final Broadsheet archive;

  public SearchController(Broadsheet archive) {
    this.archive = archive;
  }

  public void search(Context ctx) throws IOException {
    checkParams(ctx, SEARCH_PARAMS);
    ctx.json(archive.search(request(ctx)));
  }

  public void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.contains("\0")) {
      throw new BadRequestResponse("not an article id");
    }
    ctx.json(archive.article(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")));
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

  static SearchRequest request(Context ctx) {
    Map<String, List<String>> filters = new HashMap<>();
    for (String dim : Fields.FILTER_DIMS) {
      List<String> values = ctx.queryParams(dim); // SearchRequest refuses an empty one
      if (values.size() > 50) {
        throw new BadRequestResponse("at most 50 values may be selected for '" + dim + "'");
      }
      if (!values.isEmpty()) {
        filters.put(dim, values);
      }
    }
    return new SearchRequest(ctx.queryParam("q"), filters, ctx.queryParam("published"), ctx.queryParam("from"),
        ctx.queryParam("to"), sort(ctx.queryParam("sort")), intParam(ctx, "page", 1, 1, Integer.MAX_VALUE),
        intParam(ctx, "size", 10, 1, SearchRequest.MAX_SIZE));
  }

  private static SearchRequest.Sort sort(String value) {
    if (value == null || value.isBlank()) {
      return SearchRequest.Sort.RELEVANCE;
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
