package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.ParserLimits;

/**
 * The incremental indexer against a model. Random sequences of operations on a real folder tree
 * (add, modify, touch, delete and rename files; add, remove and rename roots) and on the index
 * (index some roots, one file, a full rebuild, a reindex, a run killed half-way and run again)
 * are applied both to the real archive and to {@link Model}, a plain map of what the archive
 * should hold; after every step the index's file → content hash must equal the model's.
 *
 * <p>The seed is fixed so that CI runs the same sequences every time; on a failure jqwik shrinks
 * the sequence to a shortest one that still fails and prints it.
 */
@Tag("slow")
class IncrementalIndexModelTest {
  /** Folders that may be given as roots; "sub" ones lie inside others, to exercise nesting. */
  private static final List<String> ROOTS = List.of("r0", "r1", "r2", "r0/sub", "r1/sub");
  private static final List<String> NAMES = List.of("a.txt", "b.txt", "sub/a.txt", "sub/c.txt");
  /** Few distinct texts, so that equal contents in two places (a copy, a move) are common. */
  private static final List<String> TEXTS = List.of("albatross", "buzzard", "cormorant", "dunlin", "eider", "fulmar");

  enum Kind {
    ADD, MODIFY, TOUCH, DELETE, RENAME_FILE, REMOVE_ROOT, RENAME_ROOT,
    INDEX, INDEX_TWO, INDEX_FILE, INDEX_FULL, REINDEX, KILL_AND_RERUN
  }

  /** One step; its numbers pick roots, files and texts among those that exist when it runs. */
  record Op(Kind kind, int a, int b) {
    @Override
    public String toString() {
      return kind + "(" + a + "," + b + ")";
    }
  }

  @Property(tries = 40, seed = "20261127", shrinking = ShrinkingMode.FULL)
  void theIndexHoldsWhatTheModelSays(@ForAll("sequences") List<Op> ops) throws Exception {
    Path world = Files.createTempDirectory("broadsheet-model");
    try (World w = new World(world)) {
      w.start();
      for (Op op : ops) {
        w.apply(op);
        assertEquals(w.model.hashes(), w.indexed(), () -> "after " + op + " in " + ops);
      }
      net.jqwik.api.statistics.Statistics.label("deletions").collect(w.model.events.toString());
    } finally {
      try (Stream<Path> all = Files.walk(world)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> sequences() {
    Arbitrary<Op> op = Combinators.combine(
        Arbitraries.frequency(
            Tuple.of(6, Kind.ADD), Tuple.of(3, Kind.MODIFY), Tuple.of(2, Kind.TOUCH), Tuple.of(2, Kind.DELETE),
            Tuple.of(3, Kind.RENAME_FILE), Tuple.of(1, Kind.REMOVE_ROOT), Tuple.of(2, Kind.RENAME_ROOT),
            Tuple.of(5, Kind.INDEX), Tuple.of(2, Kind.INDEX_TWO), Tuple.of(3, Kind.INDEX_FILE),
            Tuple.of(1, Kind.INDEX_FULL), Tuple.of(2, Kind.REINDEX), Tuple.of(1, Kind.KILL_AND_RERUN)),
        Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59)).as(Op::new);
    return op.list().ofMinSize(4).ofMaxSize(20);
  }

  /** The real folder tree and archive, and the model beside them. */
  static final class World implements AutoCloseable {
    final Path dir;
    final Model model = new Model();
    final Broadsheet archive;
    final Broadsheet killable;
    /** Every write sets a modification time from this clock, a second apart, so that a change is never hidden by a coarse clock. */
    long clock = 1_700_000_000_000L;

    World(Path dir) throws IOException {
      this.dir = dir;
      IndexSettings settings = IndexSettings.defaults().withExtract(false).withThreads(2);
      ParserLimits limits = new ParserLimits(1 << 20, 100_000, Duration.ofSeconds(30));
      archive = Broadsheet.open(dir.resolve("index"), settings, limits);
      killable = Broadsheet.open(dir.resolve("index"), settings.withCommitInterval(Duration.ZERO), limits);
    }

    /** Every sequence starts from an indexed archive of two roots with a name in common. */
    void start() {
      write(dir.resolve("r0/a.txt"), "albatross");
      write(dir.resolve("r0/sub/c.txt"), "cormorant");
      write(dir.resolve("r1/a.txt"), "buzzard");
      write(dir.resolve("r1/b.txt"), "dunlin");
      index(List.of(dir.resolve("r0"), dir.resolve("r1")), false);
    }

    void apply(Op op) throws Exception {
      switch (op.kind()) {
        case ADD -> write(existingRoot(op.a()).resolve(NAMES.get(op.b() % NAMES.size())), TEXTS.get(op.b() % TEXTS.size()) + op.a());
        case MODIFY -> pick(op.a()).ifPresent(f -> write(f, TEXTS.get(op.b() % TEXTS.size()) + " changed " + op.b()));
        case TOUCH -> pick(op.a()).ifPresent(f -> stamp(f));
        case DELETE -> pick(op.a()).ifPresent(f -> delete(f));
        case RENAME_FILE -> pick(op.a()).ifPresent(f -> move(f, existingRoot(op.b()).resolve("moved-" + op.b() + ".txt")));
        case REMOVE_ROOT -> existing(op.a()).ifPresent(r -> removeTree(r));
        case RENAME_ROOT -> existing(op.a()).filter(r -> !r.getFileName().toString().equals("sub"))
            .ifPresent(r -> move(r, dir.resolve("r" + (3 + op.b() % 3))));
        case INDEX -> index(List.of(anyRoot(op.a())), false);
        case INDEX_TWO -> index(List.of(anyRoot(op.a()), anyRoot(op.b())), false);
        case INDEX_FILE -> pick(op.a()).ifPresent(f -> index(List.of(f), false));
        case INDEX_FULL -> index(List.of(anyRoot(op.a())), true);
        case REINDEX -> reindex();
        case KILL_AND_RERUN -> killAndRerun(List.of(anyRoot(op.a())), 1 + op.b() % 4);
      }
    }

    /** Runs {@code index} on both; a path that is neither there nor held is an error to both alike. */
    void index(List<Path> roots, boolean full) {
      try {
        Model.Result expected = model.index(roots, full);
        if (expected == Model.Result.NO_SUCH_PATH) {
          assertThrows(NoSuchFileException.class, () -> archive.index(roots, full, IndexListener.NONE), roots::toString);
        } else {
          archive.index(roots, full, IndexListener.NONE);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void reindex() throws IOException {
      if (!archive.exists()) {
        return;
      }
      List<Path> roots = archive.indexedRoots();
      assertEquals(model.roots(), roots.stream().map(ArticleId::uri).sorted().toList(), "reindex walks the model's roots");
      if (!roots.isEmpty()) {
        index(roots, false);
      }
    }

    /**
     * A run that dies after {@code files} files (having committed after each one), then the same
     * run again. In between, the index holds each article either as it was or as it now is, once.
     */
    void killAndRerun(List<Path> roots, int files) throws IOException {
      Map<String, String> before = model.hashes();
      int[] done = {0};
      IndexListener dies = new IndexListener() {
        @Override
        public void fileDone(String id, IndexReport.Outcome outcome) {
          if (++done[0] == files) {
            throw new IllegalStateException("killed");
          }
        }
      };
      boolean killed = false;
      boolean refused = false;
      try {
        killable.index(roots, false, dies);
      } catch (IllegalStateException e) {
        killed = true;
      } catch (NoSuchFileException e) {
        refused = true; // a path that was never there: the model must say so too
      }
      if (!killed) {
        // Fewer files than the kill point: the run finished (or refused the path) like any other.
        Model.Result r = model.index(roots, false);
        assertEquals(r == Model.Result.NO_SUCH_PATH, refused, () -> "refused " + roots);
        return;
      }
      for (Map.Entry<String, String> e : indexed().entrySet()) {
        Path file = ArticleId.file(e.getKey());
        String now = Files.isRegularFile(file) ? ArticleParser.sha256(file) : null;
        assertTrue(e.getValue().equals(before.get(e.getKey())) || e.getValue().equals(now),
            "after a crash " + e.getKey() + " is as it was or as it is");
      }
      index(roots, false);
    }

    /** The index's file URI → content hash, checking that no file has two documents. */
    Map<String, String> indexed() throws IOException {
      Path lucene = dir.resolve("index/lucene");
      if (!Files.isDirectory(lucene)) {
        return Map.of();
      }
      try (var d = FSDirectory.open(lucene)) {
        if (!DirectoryReader.indexExists(d)) {
          return Map.of();
        }
        try (var reader = DirectoryReader.open(d)) {
          Map<String, Bookkeeping> byId = Bookkeeping.read(reader);
          assertEquals(reader.numDocs(), byId.size(), "one document per article");
          Map<String, String> hashes = new TreeMap<>();
          byId.values().forEach(k -> hashes.put(k.uri(), k.hash()));
          return hashes;
        }
      }
    }

    /** The a-th of the files that exist now, in a stable order. */
    java.util.Optional<Path> pick(int a) throws IOException {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> all = Files.walk(dir)) {
        all.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve("index"))).sorted().forEach(files::add);
      }
      return files.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(files.get(a % files.size()));
    }

    /** A root, whether or not it exists now. */
    Path anyRoot(int a) {
      List<String> names = new ArrayList<>(ROOTS);
      names.addAll(List.of("r3", "r4", "r5"));
      return dir.resolve(names.get(a % names.size()));
    }

    java.util.Optional<Path> existing(int a) {
      Path r = anyRoot(a);
      return Files.isDirectory(r) ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    Path existingRoot(int a) {
      return existing(a).orElse(dir.resolve("r" + (a % 3)));
    }

    void write(Path f, String text) {
      try {
        Files.createDirectories(f.getParent());
        Files.writeString(f, "Story about a " + text + "\n\nThe " + text + " was seen on the coast.\n");
        stamp(f);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void stamp(Path f) {
      try {
        clock += 1000;
        Files.setLastModifiedTime(f, FileTime.fromMillis(clock));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void delete(Path f) {
      try {
        Files.delete(f);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void move(Path from, Path to) {
      try {
        if (Files.exists(to) || to.startsWith(from)) {
          return;
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void removeTree(Path root) {
      try (Stream<Path> all = Files.walk(root)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try (archive; killable) {
        // both closed
      }
    }
  }

  /**
   * What the archive should hold, written as plainly as possible: file URI → (content hash,
   * "size:modified" stamp, root URI), changed by {@link #index} the way the README says
   * {@code index} behaves.
   */
  static final class Model {
    record Entry(String hash, String stamp, String root) {
    }

    enum Result { DONE, NO_SUCH_PATH }

    private Map<String, Entry> entries = new HashMap<>();
    /** What the runs did, for the statistics jqwik prints: a sequence that never moves a file tests less. */
    final java.util.Set<String> events = new java.util.TreeSet<>();

    Map<String, String> hashes() {
      Map<String, String> h = new TreeMap<>();
      entries.forEach((uri, e) -> h.put(uri, e.hash()));
      return h;
    }

    /** The roots reindex walks: those of the entries, less any inside another. */
    List<String> roots() {
      List<Path> roots = entries.values().stream().map(e -> ArticleId.file(e.root())).distinct().toList();
      return roots.stream().filter(r -> roots.stream().noneMatch(o -> !o.equals(r) && r.startsWith(o)))
          .map(ArticleId::uri).sorted().toList();
    }

    Result index(List<Path> given, boolean full) throws IOException {
      Map<String, Entry> known = full ? Map.of() : entries;
      Map<String, Path> found = new LinkedHashMap<>(); // file URI → the root it was first found under
      List<String> walked = new ArrayList<>();
      for (Path g : given) {
        Path abs = g.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
          String uri = ArticleId.uri(abs);
          if (known.keySet().stream().noneMatch(k -> ArticleId.isUnder(k, uri))) {
            return Result.NO_SUCH_PATH;
          }
          walked.add(uri);
          continue;
        }
        Path root = abs.toRealPath();
        if (Files.isRegularFile(root)) {
          found.putIfAbsent(ArticleId.uri(root), root);
          continue;
        }
        walked.add(ArticleId.uri(root));
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(Files::isRegularFile).sorted().forEach(f -> found.putIfAbsent(ArticleId.uri(f), root));
        }
      }
      Map<String, Entry> next = full ? new HashMap<>() : new HashMap<>(entries);
      Map<String, String> seen = new HashMap<>();
      for (Map.Entry<String, Path> f : found.entrySet()) {
        Path file = ArticleId.file(f.getKey());
        String stamp = Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        String hash = ArticleParser.sha256(file);
        Entry k = known.get(f.getKey());
        if (k != null && k.stamp().equals(stamp)) {
          seen.put(f.getKey(), k.hash());
        } else if (k != null && k.hash().equals(hash)) {
          next.put(f.getKey(), new Entry(hash, stamp, k.root()));
          seen.put(f.getKey(), hash);
        } else {
          next.put(f.getKey(), new Entry(hash, stamp, ArticleId.uri(f.getValue())));
          seen.put(f.getKey(), hash);
        }
      }
      for (Map.Entry<String, Entry> k : known.entrySet()) {
        String uri = k.getKey();
        if (seen.containsKey(uri)) {
          continue;
        }
        boolean underWalked = walked.stream().anyMatch(w -> ArticleId.isUnder(uri, w));
        boolean moved = seen.containsValue(k.getValue().hash()) && Files.notExists(ArticleId.file(uri));
        if (underWalked || moved) {
          next.remove(uri);
          events.add(underWalked ? "deleted" : "moved");
        }
      }
      entries = next;
      return Result.DONE;
    }
  }
}
