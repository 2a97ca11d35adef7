package org.broadsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchSettings;
import org.broadsheet.web.BroadsheetApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = {
    "Serve the archive: the JSON API under /api and the web front end at /.",
    "When the index does not exist yet, corpus/ is indexed first."})
public final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
  String host;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = {"A host name browsers may reach this server by, besides localhost and IP addresses",
          "(e.g. archive.example.org behind a proxy); requests naming any other host are refused. Repeatable"})
  List<String> allowedHosts = new java.util.ArrayList<>();

  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder to index when there is no index yet (default: corpus)")
  Path corpus;

  @Option(names = "--web", paramLabel = "DIR", description = "Front-end folder (default: web)")
  Path web;

  @Option(names = "--concurrent-searches", paramLabel = "N",
      description = "Searches computed at once; more wait their turn (default: one per core)")
  Integer concurrentSearches;

  @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "32",
      description = "Size of the cache of search results, dropped at each index commit; 0 turns it off (default: ${DEFAULT-VALUE})")
  int cacheMegabytes;

  @Option(names = "--exact-counts-up-to", paramLabel = "N", defaultValue = "100000",
      description = "A search matching more articles than this shows estimated counts, from a sample (its hits are "
          + "exact; ?exact=true counts every match) (default: ${DEFAULT-VALUE})")
  long exactCountsUpTo;

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when only this machine can reach the address (127.0.0.1, ::1, localhost): then the API
   * shows articles' file paths; on any other address (0.0.0.0 included) it leaves them out.
   */
  static boolean listensLocally(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  @Override
  public Integer call() throws Exception {
    Path webRoot = web != null ? web : ArchiveOptions.Defaults.resolve("web");
    if (!Files.isDirectory(webRoot)) {
      System.err.println("broadsheet: no front-end folder at " + webRoot.toAbsolutePath() + "; pass --web DIR");
      return 1;
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, not " + port);
    }
    if (cacheMegabytes < 0) {
      throw new ParameterException(spec.commandLine(), "--cache-mb must be 0 or more");
    }
    if (exactCountsUpTo < 1) {
      throw new ParameterException(spec.commandLine(), "--exact-counts-up-to must be 1 or more");
    }
    if (concurrentSearches != null && concurrentSearches < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrent-searches must be 1 or more");
    }
    SearchSettings search = SearchSettings.defaults().withCacheMegabytes(cacheMegabytes)
        .withExactCountsUpTo(exactCountsUpTo);
    if (concurrentSearches != null) {
      search = search.withConcurrentSearches(concurrentSearches);
    }
    try (Broadsheet b = engine.open(archive.index(), IndexSettings.defaults(), ParserLimits.DEFAULT, search)) {
      if (!b.exists()) {
        Path source = corpus != null ? corpus : ArchiveOptions.Defaults.resolve("corpus");
        System.err.println("No index at " + b.location() + " yet: indexing " + source.toAbsolutePath() + " first.");
        b.index(List.of(source), false, new ProgressReporter(System.err, System.console() != null));
      }
      b.openForSearch(); // a damaged index is refused here, with one line, not answered with 500s
      if (port != 0) {
        // Checked first so a busy port is one line, not Javalin's logged stack trace.
        try (var probe = new java.net.ServerSocket()) {
          probe.setReuseAddress(true);
          probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
          System.err.println("broadsheet: cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); try another --port");
          return 1;
        }
      }
      BroadsheetApp app;
      try {
        app = new BroadsheetApp(b, webRoot, allowedHosts, listensLocally(host)).start(host, port);
      } catch (RuntimeException e) {
        if (causedBy(e, java.net.BindException.class)) {
          System.err.println("broadsheet: cannot listen on " + host + ":" + port + " (in use, or not this machine's address); try --port");
          return 1;
        }
        throw e;
      }
      String shown = host.equals("0.0.0.0") ? "localhost" : host;
      System.out.println("Broadsheet is serving " + b.location() + " at http://" + shown + ":" + app.port() + "/");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop();
        stopped.countDown();
      }));
      stopped.await();
    }
    return 0;
  }
}
