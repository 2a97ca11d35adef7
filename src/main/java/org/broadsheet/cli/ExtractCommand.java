package org.broadsheet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.ExtractedArticle;
import org.broadsheet.ingest.SkippedFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", description = {
    "Print each file's extracted text and every entity mention: type, text as written, character",
    "offsets into that text, canonical value, and for dates the resolved value. Nothing is indexed.",
    "The archive's corrections (archive-wide aliases, people's rules; with --opensearch, the cluster's) apply,",
    "each changed mention naming its rule."})
public final class ExtractCommand implements Callable<Integer> {
  @Mixin
  ArchiveOptions archive;

  @Mixin
  EngineOptions engine;

  @Option(names = "--json", description = "One JSON object per file, one per line")
  boolean json;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files")
  List<Path> files;

  /**
   * The JSON shape of one file. For plain text, {@code text} is the file unchanged, so offsets point into it.
   * {@code publishedFrom} is where {@code published} came from: "metadata", "dateline" or "filename".
   */
  record FileJson(String file, String title, String published, String publishedFrom, String text,
                  List<EntityJson> entities) {
  }

  /**
   * {@code country}, {@code latitude} and {@code longitude} are for places only, and null where unknown;
   * {@code rule} names the rule that made {@code canonical} from {@code text}, null when the text is the value.
   */
  record EntityJson(String type, String text, int start, int end, String canonical, String rule, String value,
                    String country, Double latitude, Double longitude) {
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    int failed = 0;
    try (Broadsheet b = engine.open(archive.index())) {
      for (Path file : files) {
        ExtractedArticle x;
        try {
          x = b.extract(file);
        } catch (SkippedFileException e) {
          System.err.println("broadsheet: skipped " + file + ": " + e.getMessage() + " (" + e.kind() + ")");
          failed++;
          continue;
        }
        FileJson f = toJson(file, x, b);
        if (json) {
          out.println(Json.mapper().writeValueAsString(f));
        } else {
          print(f, out);
        }
      }
    }
    return failed == 0 ? 0 : 2;
  }

  private static FileJson toJson(Path file, ExtractedArticle x, Broadsheet archive) {
    List<EntityJson> entities = x.extraction().mentions().stream()
        .map(m -> {
          var place = m.type() == EntityType.PLACE ? archive.place(m.canonical())
              .filter(org.broadsheet.extract.Place::hasCoordinates) : java.util.Optional.<org.broadsheet.extract.Place>empty();
          return new EntityJson(m.type().label(), m.text(), m.start(), m.end(), m.canonical(), m.rule(), m.value(),
              m.type() == EntityType.PLACE ? m.country() : null,
              place.map(org.broadsheet.extract.Place::latitude).orElse(null),
              place.map(org.broadsheet.extract.Place::longitude).orElse(null));
        })
        .toList();
    var a = x.article();
    return new FileJson(file.toString(), a.title(), a.published() == null ? null : a.published().toString(),
        a.publishedFrom() == null ? null : a.publishedFrom().label(), a.text(), entities);
  }

  private static String from(String source) {
    return switch (String.valueOf(source)) {
      case "metadata" -> "from the file's metadata";
      case "dateline" -> "from the dateline";
      case "filename" -> "from the file name";
      default -> "source unknown";
    };
  }

  private static void print(FileJson f, PrintStream out) {
    out.println("== " + f.file());
    out.println("title: " + f.title());
    out.println("published: "
        + (f.published() == null ? "(unknown)" : f.published() + " (" + from(f.publishedFrom()) + ")"));
    out.println();
    out.println(f.text().strip());
    out.println();
    for (EntityJson e : f.entities()) {
      out.printf("%-12s %6d-%-6d %-30s -> %s%s%n", e.type(), e.start(), e.end(), "\"" + e.text() + "\"",
          e.canonical(), (e.country() != null ? " [" + e.country() + "]" : e.value() != null ? " = " + e.value() : "")
              + (e.rule() != null ? " (" + e.rule() + ")" : ""));
    }
    out.println();
  }

}
