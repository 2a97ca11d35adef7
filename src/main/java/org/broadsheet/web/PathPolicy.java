package org.broadsheet.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadsheet.Json;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.SearchResult;

/**
 * Whether answers show where articles are on the server's disk ({@code path}, an absolute file
 * path). A server that listens on this machine only serves its own user, to whom the paths are
 * useful; one that listens on the network would tell every visitor about the server's folders, so
 * there {@code path} is left out of search hits and articles.
 */
final class PathPolicy {
  private PathPolicy() {
  }

  @JsonIgnoreProperties("path")
  private interface WithoutPath {
  }

  /** The API's JSON mapper: {@link Json#mapper()}, less {@code path} when paths are not shown. */
  static ObjectMapper mapper(boolean showPaths) {
    ObjectMapper mapper = Json.mapper();
    if (!showPaths) {
      mapper.addMixIn(SearchResult.Hit.class, WithoutPath.class).addMixIn(ArticleView.class, WithoutPath.class);
    }
    return mapper;
  }
}
