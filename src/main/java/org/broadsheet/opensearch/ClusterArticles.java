package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredMentions;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.OriginalFile;
import org.broadsheet.search.OriginalFiles;
import org.broadsheet.search.Paragraphs;
import org.broadsheet.search.RelatedArticles;

/**
 * One article from the cluster, for the article page, with its related articles: a
 * {@code more_like_this} query on its title and body, as the embedded index's MoreLikeThis; and
 * its source file, while it may be served.
 */
final class ClusterArticles {
  private final OpenSearchClient client;
  private final String index;

  ClusterArticles(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  Optional<ArticleView> read(String id) throws IOException {
    String path = "/" + index + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    if (!client.exists(path)) {
      return Optional.empty();
    }
    JsonNode s = client.send("GET", path, null).path("_source");
    String text = s.path(Fields.BODY).asText("");
    int bodyStart = Math.min(s.path(Fields.BODY_START).asInt(0), text.length());
    return Optional.of(new ArticleView(id, s.path(Fields.PATH).asText(null), s.path(Fields.TITLE).asText(""),
        published(s), s.path(Fields.PUBLISHED_FROM).asText(null), s.path(Fields.BYLINE).asText(null),
        s.path(Fields.SOURCE).asText(null), s.path(Fields.LANGUAGE).asText(null), text, bodyStart,
        Paragraphs.of(text, bodyStart), StoredMentions.read(s.path(Fields.MENTIONS).asText(null)),
        list(s, Fields.PERSON), list(s, Fields.PLACE), list(s, Fields.ORG), list(s, Fields.MENTIONED), related(id)));
  }

  /**
   * The article's source file while it may be served: the file its document recorded (its file URI),
   * checked against the archive's roots as the embedded index checks it ({@link OriginalFiles}).
   *
   * @param roots the roots the articles were indexed through ({@link ClusterIndex#roots()})
   * @throws java.nio.file.NoSuchFileException when the file is gone or now lies outside the roots
   */
  Optional<OriginalFile> original(String id, List<Path> roots) throws IOException {
    String path = "/" + index + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    if (!client.exists(path)) {
      return Optional.empty();
    }
    JsonNode s = client.send("GET", path + "?_source_includes=" + String.join(",", Fields.FILE_URI, Fields.PATH,
        Fields.CONTENT_TYPE), null).path("_source");
    String uri = s.path(Fields.FILE_URI).asText(null);
    Path recorded = uri != null ? Path.of(URI.create(uri)) : Path.of(s.path(Fields.PATH).asText());
    return Optional.of(OriginalFiles.of(recorded, s.path(Fields.CONTENT_TYPE).asText(null), roots));
  }

  private List<ArticleView.Related> related(String id) throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.put("size", RelatedArticles.RELATED);
    body.putArray("_source").add(Fields.ID).add(Fields.TITLE).add(Fields.PUBLISHED);
    ObjectNode mlt = body.putObject("query").putObject("more_like_this");
    mlt.putArray("fields").add(Fields.TITLE).add(Fields.BODY);
    mlt.putArray("like").addObject().put("_index", index).put("_id", id);
    mlt.put("min_term_freq", 1).put("min_doc_freq", 1);
    List<ArticleView.Related> out = new ArrayList<>();
    for (JsonNode h : client.send("POST", "/" + index + "/_search", body).path("hits").path("hits")) {
      JsonNode s = h.path("_source");
      out.add(new ArticleView.Related(s.path(Fields.ID).asText(), s.path(Fields.TITLE).asText(""), published(s)));
    }
    return out;
  }

  private static String published(JsonNode s) {
    return s.has(Fields.PUBLISHED) ? Instant.ofEpochMilli(s.path(Fields.PUBLISHED).asLong()).toString() : null;
  }

  private static List<String> list(JsonNode s, String field) {
    List<String> out = new ArrayList<>();
    s.path(field).forEach(v -> out.add(v.asText()));
    return out;
  }
}
