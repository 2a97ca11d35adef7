package org.broadsheet.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load client: N clients each send the next request of a seeded mix as soon
 * as the last one is answered (or, with a think time, after a pause drawn from an exponential
 * distribution of that mean, as a reader pauses between searches), for a fixed time, and the
 * latencies are reported as percentiles. With no think time N clients saturate the server, so
 * latency measures its queue (on 2 cores, N/2 requests deep); with one they measure how it
 * answers N people using it at once. JDK only, so {@code scripts/load.sh} runs it as a single source file.
 * Refuses any address but this machine's: it is for testing your own server.
 *
 * <p>Usage: {@code java LoadClient.java BASE_URL CLIENTS SECONDS [SEED] [WARMUP_SECONDS] [THINK_MS]}
 */
public final class LoadClient {
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  /** Words of a news wire: common and rare, so queries range from huge result sets to a handful. */
  private static final String[] WORDS = {"oil", "prices", "bank", "dollar", "trade", "wheat", "cocoa", "coffee",
      "sugar", "gold", "interest", "rates", "market", "shares", "profit", "loss", "japan", "opec", "tonnes",
      "exports", "imports", "government", "president", "minister", "company", "billion", "crude", "futures",
      "yen", "stocks", "merger", "acquisition", "dividend", "quarter", "grain", "soybeans", "treasury", "bonds",
      "inflation", "tariffs", "shipping", "strike", "harvest", "drought", "copper", "aluminium", "reserves"};
  private static final String[] SORTS = {"relevance", "relevance", "relevance", "newest", "oldest"};

  private LoadClient() {
  }

  /** One request of the mix, chosen by the client's own seeded random. */
  static String nextPath(Random r) {
    int kind = r.nextInt(100);
    String w1 = WORDS[r.nextInt(WORDS.length)];
    String w2 = WORDS[r.nextInt(WORDS.length)];
    String q;
    if (kind < 35) {
      q = w1;                                    // one word
    } else if (kind < 55) {
      q = w1 + " " + w2;                         // two words, AND
    } else if (kind < 65) {
      q = "\"" + w1 + " " + w2 + "\"";           // phrase
    } else if (kind < 72) {
      q = w1 + " OR " + w2;
    } else if (kind < 78) {
      q = w1.substring(0, Math.min(4, w1.length())) + "*"; // prefix
    } else if (kind < 82) {
      q = w1 + "~";                              // fuzzy
    } else if (kind < 86) {
      q = "title:" + w1;
    } else if (kind < 90) {
      q = "";                                    // browse everything, newest first
    } else if (kind < 95) {
      return "/api/facets/people?prefix=" + w1.charAt(0) + "&q=" + enc(w2);
    } else {
      return "/api/search?q=" + enc(w1) + "&from=1987-01&to=1987-12&size=20";
    }
    String sort = q.isEmpty() ? "newest" : SORTS[r.nextInt(SORTS.length)];
    int page = 1 + (r.nextInt(10) == 0 ? r.nextInt(5) : 0);
    return "/api/search?q=" + enc(q) + "&sort=" + sort + "&page=" + page;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  record Result(long[] latenciesNanos, long errors, Map<String, Long> errorKinds, Duration elapsed, int distinct) {
  }

  /** One client for the warm-up and the timed run, so the timed run starts on open connections. */
  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  static Result run(HttpClient http, URI base, int clients, Duration length, long seed, long thinkMillis)
      throws InterruptedException {
    List<long[]> perClient = new ArrayList<>();
    int[] counts = new int[clients];
    AtomicLong errors = new AtomicLong();
    Map<String, Long> kinds = new ConcurrentHashMap<>();
    Set<String> distinct = ConcurrentHashMap.newKeySet(); // how often a request repeats: what a cache can answer
    long start = System.nanoTime();
    long end = start + length.toNanos();
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      long[] lat = new long[1 << 10]; // grows as needed
      perClient.add(lat);
      int id = c;
      threads[c] = new Thread(() -> {
        // Seeds 1000 apart give java.util.Random nearly equal first draws, so every client would
        // pause the same first time and all arrive at once; SplittableRandom mixes the seed well.
        Random r = new Random(new java.util.SplittableRandom(seed * 1000 + id).nextLong());
        long[] mine = lat;
        int n = 0;
        while (System.nanoTime() < end) {
          if (thinkMillis > 0) {
            long pause = (long) (-Math.log(1 - r.nextDouble()) * thinkMillis);
            try {
              long left = (end - System.nanoTime()) / 1_000_000;
              if (pause >= left) {
                break; // the reader would come back after the end: no burst of last requests
              }
              Thread.sleep(pause);
            } catch (InterruptedException e) {
              return;
            }
          }
          String path = nextPath(r);
          distinct.add(path);
          HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build();
          long t = System.nanoTime();
          String error = null;
          try {
            HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
              error = "HTTP " + res.statusCode();
            }
          } catch (Exception e) {
            error = e.getClass().getSimpleName();
          }
          long took = System.nanoTime() - t;
          if (error != null) {
            errors.incrementAndGet();
            kinds.merge(error, 1L, Long::sum);
          }
          if (n == mine.length) {
            mine = Arrays.copyOf(mine, n * 2);
            perClient.set(id, mine);
          }
          mine[n++] = took;
        }
        counts[id] = n;
      }, "load-" + c);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    long[] all = new long[Arrays.stream(counts).sum()];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(all, errors.get(), new TreeMap<>(kinds), elapsed, distinct.size());
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: LoadClient BASE_URL CLIENTS SECONDS [SEED] [WARMUP_SECONDS] [THINK_MS]");
      System.exit(64);
    }
    URI base = URI.create(args[0]);
    if (!LOCAL.contains(base.getHost())) {
      System.err.println("load: refusing " + base.getHost() + ": only a server on this machine (127.0.0.1) may be loaded");
      System.exit(64);
    }
    int clients = Integer.parseInt(args[1]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    long warmup = args.length > 4 ? Long.parseLong(args[4]) : 5;
    long think = args.length > 5 ? Long.parseLong(args[5]) : 0;
    HttpClient http = client();
    if (warmup > 0) {
      // Without pauses whatever the think time, so that the server's JIT has compiled the search
      // path before timing starts: 64 pausing readers send too few requests in a few seconds.
      run(http, base, clients, Duration.ofSeconds(warmup), seed + 1, 0); // not reported
    }
    Result r = run(http, base, clients, length, seed, think);
    long[] l = r.latenciesNanos();
    double seconds = r.elapsed().toNanos() / 1e9;
    System.out.printf("clients=%d think_ms=%d seconds=%.1f requests=%d distinct=%d rps=%.1f p50_ms=%.1f p90_ms=%.1f"
            + " p99_ms=%.1f max_ms=%.1f errors=%d%s%n", clients, think, seconds, l.length, r.distinct(), l.length / seconds,
        ms(percentile(l, 50)), ms(percentile(l, 90)), ms(percentile(l, 99)), ms(l.length == 0 ? 0 : l[l.length - 1]),
        r.errors(), r.errorKinds().isEmpty() ? "" : " " + r.errorKinds());
  }
}
