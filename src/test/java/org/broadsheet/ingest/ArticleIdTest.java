package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article's identity does not depend on how its URI was made: the quick way gives Path.toUri's string. */
class ArticleIdTest {
  @TempDir
  Path tmp;

  @Test
  void fileUriIsToUriForEveryCharacterAFileNameMayHave() throws Exception {
    StringBuilder ascii = new StringBuilder();
    for (char c = 0x20; c < 0x7f; c++) {
      if (c != '/') {
        ascii.append(c);
      }
    }
    String[] names = {"plain.txt", "with space.html", "100%.txt", "a#b?c.txt", "[x];y@z&=+$,.txt",
        "~!*'().txt", "quote\"back\\slash.txt", "tab\there.txt", "é-accent.txt", "日本.txt", ascii.toString()};
    Path folder = Files.createDirectories(tmp.resolve("a folder%20").resolve("sub;dir"));
    for (String name : names) {
      Path file = Files.writeString(folder.resolve(name), "x");
      assertEquals(file.toUri().toString(), ArticleId.fileUri(file), name);
      Path relative = Path.of("").toAbsolutePath().relativize(file);
      assertEquals(file.toUri().toString(), ArticleId.fileUri(relative), "relative " + name);
      assertEquals(ArticleId.uri(file), ArticleId.fileUri(folder.resolve("..").resolve("sub;dir").resolve(name)));
    }
  }
}
