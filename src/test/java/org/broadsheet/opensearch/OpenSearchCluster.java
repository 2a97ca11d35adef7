package org.broadsheet.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The OpenSearch cluster the tests run against, once per test JVM: the one at
 * {@code -Dbroadsheet.opensearch.url} (or {@code BROADSHEET_OPENSEARCH_URL}) when given, as CI's
 * {@code scripts/test.sh} (CI's run) starts it ({@code none}: it could not, so the tests skip); else a 2-node cluster this extension starts with
 * {@code scripts/opensearch.sh} and stops when the test JVM is done. A class using it is skipped,
 * saying why, only when the script cannot start a cluster on this machine. Test methods and
 * {@code @BeforeAll} methods take its {@link Url} as a parameter.
 */
public final class OpenSearchCluster implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(OpenSearchCluster.class);
  private static final int NODES = 2;

  /** The cluster's base URL, e.g. {@code http://127.0.0.1:9200}. */
  public record Url(String base) {
    /** The URL of an index on the cluster, as {@code --opensearch} takes it. */
    public String index(String name) {
      return base.replaceAll("/+$", "") + "/" + name;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Url.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new Url(context.getRoot().getStore(NS).get(Started.class, Started.class).url());
  }

  /** A cluster the store closes when the JVM's tests are done: stopped if this extension started it. */
  private record Started(String url, boolean ours) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws IOException, InterruptedException {
      if (ours) {
        run("stop");
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Started started = context.getRoot().getStore(NS).getOrComputeIfAbsent(Started.class, k -> start(), Started.class);
    Assumptions.assumeTrue(started.url() != null,
        "no OpenSearch cluster: scripts/opensearch.sh could not start one (see its output above)");
  }

  private static Started start() {
    String given = System.getProperty("broadsheet.opensearch.url", System.getenv("BROADSHEET_OPENSEARCH_URL"));
    if ("none".equals(given)) { // scripts/test.sh tried and could not start one: do not try again
      return new Started(null, false);
    }
    if (given != null && !given.isBlank()) {
      return new Started(given.strip(), false);
    }
    try {
      boolean wasUp = runs("status");
      List<String> out = run("start", "--nodes", String.valueOf(NODES));
      String last = out.isEmpty() ? "" : out.getLast();
      // A cluster that was up before (a developer's) stays up; one started here is stopped at the end.
      return new Started(last.startsWith("http") ? last : null, last.startsWith("http") && !wasUp);
    } catch (IOException e) {
      System.err.println("scripts/opensearch.sh failed: " + e.getMessage());
      return new Started(null, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Started(null, false);
    }
  }

  /** True when the script exits 0. */
  private static boolean runs(String... args) throws InterruptedException {
    try {
      run(args);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs the script; its standard error goes to ours, its standard output comes back as lines. */
  private static List<String> run(String... args) throws IOException, InterruptedException {
    Path script = Path.of("scripts", "opensearch.sh").toAbsolutePath();
    if (!Files.isExecutable(script)) {
      throw new IOException(script + " is missing");
    }
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    }
    if (p.waitFor() != 0) {
      throw new IOException("scripts/opensearch.sh " + String.join(" ", args) + " exited with " + p.exitValue());
    }
    return lines;
  }
}
