package org.broadsheet.opensearch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Where an archive lives on an OpenSearch cluster: the cluster's base URL, the index name (the
 * last path segment of the URL given, {@value #DEFAULT_INDEX} when there is none) and the
 * credentials, which come from the environment ({@value #AUTH_VARIABLE}="user:password"), never
 * from the command line, where every user of the machine could read them.
 *
 * <p>The index name is an alias Broadsheet manages ({@link ClusterIndex}); the bookkeeping of
 * incremental runs is in the articles' own documents.
 *
 * @param cluster       scheme, host and port (and any path before the index name), ending in '/'
 * @param index         the articles' index
 * @param authorization the value of the Authorization header, or null
 * @param shards        primary shards of a new generation ({@code ?shards=N} in the URL; default 1): more
 *                      shards spread one search over more nodes' cores; a change applies from the next
 *                      {@code index --full}
 * @param replicas      copies of each shard on other nodes ({@code ?replicas=N}; default 1)
 */
public record OpenSearchTarget(URI cluster, String index, String authorization, int shards, int replicas) {
  public static final String DEFAULT_INDEX = "broadsheet";
  public static final String AUTH_VARIABLE = "BROADSHEET_OPENSEARCH_AUTH";

  public OpenSearchTarget {
    if (!validIndexName(index)) {
      throw new IllegalArgumentException("'" + index + "' cannot be an OpenSearch index name: use lower-case"
          + " letters, digits, '-' and '_', not starting with '-', '_' or '+'");
    }
    if (shards < 1 || shards > MAX_SHARDS || replicas < 0 || replicas > MAX_SHARDS) {
      throw new IllegalArgumentException("shards must be from 1 to " + MAX_SHARDS + " and replicas from 0 to "
          + MAX_SHARDS);
    }
  }

  /** Beyond this a typing error is likelier than a plan. */
  private static final int MAX_SHARDS = 1024;


  /** The target a URL names, with credentials from the process environment. */
  public static OpenSearchTarget parse(String url) {
    return parse(url, System.getenv());
  }

  /**
   * @param url an {@code http://} or {@code https://} URL, e.g. {@code http://127.0.0.1:9200/broadsheet}, with
   *            optionally {@code ?shards=N&replicas=M} for the generations it makes
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static OpenSearchTarget parse(String url, Map<String, String> env) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: '" + url + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("an OpenSearch URL is http(s)://HOST:PORT[/INDEX], not '" + url + "'");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("credentials do not belong in the URL (anyone can read a command line);"
          + " set " + AUTH_VARIABLE + "=user:password instead");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    int slash = path.lastIndexOf('/');
    String index = slash < 0 || path.substring(slash + 1).isEmpty() ? DEFAULT_INDEX : path.substring(slash + 1);
    String base = slash < 0 ? "/" : path.substring(0, slash + 1);
    URI cluster = URI.create(scheme + "://" + uri.getRawAuthority() + base);
    String auth = env.get(AUTH_VARIABLE);
    String header = auth == null || auth.isEmpty() ? null
        : "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
    int[] layout = {1, 1};
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        int at = switch (kv[0]) {
          case "shards" -> 0;
          case "replicas" -> 1;
          default -> throw new IllegalArgumentException("unknown URL parameter '" + kv[0] + "': use shards= or replicas=");
        };
        try {
          layout[at] = Integer.parseInt(kv.length == 2 ? kv[1] : "");
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(kv[0] + "= takes a whole number, not '" + (kv.length == 2 ? kv[1] : "") + "'");
        }
      }
    }
    return new OpenSearchTarget(cluster, index, header, layout[0], layout[1]);
  }

  /** The URL of the articles' index, for messages (no credentials). */
  public String location() {
    return cluster.resolve(index).toString();
  }

  private static boolean validIndexName(String name) {
    return name != null && name.matches("[a-z0-9][a-z0-9_.-]{0,200}") && !name.equals(".") && !name.equals("..");
  }
}
