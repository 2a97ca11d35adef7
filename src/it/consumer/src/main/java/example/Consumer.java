package example;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.SearchResult;

/**
 * A program that uses Broadsheet as a library, with only Broadsheet declared. Exits 1 and says why
 * unless: every file of the corpus is indexed, "Rafah" finds seed article 002, its place "Rafah" has
 * the country PS (which needs the gazetteer, from the class path), and this program runs with
 * exactly the jars Broadsheet's own build runs with, less the launcher's logging binding.
 *
 * <p>Arguments: the corpus folder, Broadsheet's target/classpath.txt, a folder for the index.
 */
public final class Consumer {
  /** Broadsheet's optional dependencies: the launcher's logging, which an application must not get. */
  private static final List<String> LAUNCHER_ONLY = List.of("/org/slf4j/slf4j-simple/",
      "/org/apache/logging/log4j/log4j-to-slf4j/");

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path broadsheetClasspath = Path.of(args[1]);
    Path index = Path.of(args[2]);
    List<String> problems = new ArrayList<>();

    problems.addAll(classPath(broadsheetClasspath));

    long files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(Files::isRegularFile).count();
    }
    try (Broadsheet archive = Broadsheet.open(index)) {
      IndexReport report = archive.index(List.of(corpus), true, IndexListener.NONE);
      if (report.failed() != 0 || report.indexed() != files) {
        problems.add("indexed " + report.indexed() + " of " + files + " files; failures: " + report.failures());
      }
      SearchResult rafah = archive.search("Rafah");
      List<String> paths = rafah.hits().stream().map(SearchResult.Hit::path).toList();
      String seed = rafah.hits().stream().filter(h -> Path.of(h.path()).getFileName().toString().startsWith("002_"))
          .map(SearchResult.Hit::id).findFirst().orElse(null);
      if (seed == null) {
        problems.add("search(\"Rafah\") did not find seed 002: " + paths);
      } else {
        ArticleView article = archive.article(seed).orElseThrow();
        List<Mention> places = article.entities().stream()
            .filter(m -> m.type() == EntityType.PLACE && m.text().equals("Rafah")).toList();
        if (places.isEmpty() || !places.stream().allMatch(m -> "PS".equals(m.country()))) {
          problems.add("the place Rafah did not get its country PS (the gazetteer): " + places);
        }
      }
    }

    if (problems.isEmpty()) {
      System.out.println("consumer: OK: corpus indexed, Rafah found in seed 002 with its country,"
          + " and the same jars as Broadsheet's own build");
    } else {
      problems.forEach(p -> System.err.println("consumer: FAILED: " + p));
      System.exit(1);
    }
  }

  /** Differences between the jars this program runs with and those Broadsheet's build runs with. */
  private static List<String> classPath(Path broadsheetClasspath) throws Exception {
    Set<String> ours = jars(System.getProperty("java.class.path"));
    ours.removeIf(p -> p.contains("/org/broadsheet/broadsheet/"));
    Set<String> theirs = jars(Files.readString(broadsheetClasspath).strip());
    List<String> problems = new ArrayList<>();
    for (String launcherOnly : LAUNCHER_ONLY) {
      if (ours.stream().anyMatch(p -> p.contains(launcherOnly))) {
        problems.add("an application got Broadsheet's launcher-only logging jar " + launcherOnly);
      }
      theirs.removeIf(p -> p.contains(launcherOnly));
    }
    Set<String> missing = new TreeSet<>(theirs);
    missing.removeAll(ours);
    Set<String> extra = new TreeSet<>(ours);
    extra.removeAll(theirs);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      problems.add("jars differ from Broadsheet's build. Broadsheet runs with, this program does not: " + missing
          + "; this program runs with, Broadsheet does not: " + extra);
    }
    return problems;
  }

  private static Set<String> jars(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(p -> p.endsWith(".jar"))
        .map(p -> Path.of(p).toAbsolutePath().normalize().toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
