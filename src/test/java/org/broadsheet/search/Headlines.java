package org.broadsheet.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Short articles (written for these tests) whose headlines hold what people type and the
 * classic query syntax would misread: slashes, colons, ampersands, trailing '?' and '!'.
 * Shared by the search and the web API tests: each query here must find exactly its articles.
 */
public final class Headlines {
  private Headlines() {
  }

  /** One article: its id, headline and body. */
  public record Sample(String id, String title, String body) {
  }

  /** A query as typed and the ids of the articles it finds (none: it has nothing to search for). */
  public record Case(String query, Set<String> ids) {
  }

  public static final List<Sample> SAMPLES = List.of(
      new Sample("e01", "9/11 inquiry publishes its final report", "The commission released its findings on Monday."),
      new Sample("e02", "AC/DC announce farewell tour", "The band will play twelve stadiums."),
      new Sample("e03", "Pharmacies to open 24/7 over winter", "Health officials said longer hours would ease pressure."),
      new Sample("e04", "Brexit: what next for the ports", "Hauliers expect new checks at Dover."),
      new Sample("e05", "R&D spending rises again", "Companies invested more in research."),
      new Sample("e06", "C++ turns forty", "The programming language was first released in 1985."),
      new Sample("e07", "U.S. tariffs hit steel makers", "Washington raised duties on imports."),
      new Sample("e08", "E-mail scams on the rise", "Fraudsters impersonate banks."),
      new Sample("e09", "Museum opens its archive", "Visitors can read every quoted phrase from the founder's letters."),
      new Sample("e10", "Q&A: the new pension rules", "Who gains and who loses."),
      new Sample("e11", "Turnout reaches 50% in runoff", "Officials counted ballots overnight."),
      new Sample("e12", "$5bn harbour deal signed", "The port will double its capacity."),
      new Sample("e13", "Don't panic, says minister", "The minister urged calm."),
      new Sample("e14", "United win 3:2 after extra time", "The winner came in the last minute."),
      new Sample("e15", "Gazette moves to new address", "The archive now lives at http://example.com/x from today."),
      new Sample("e16", "Plan A - or plan B", "Ministers weigh two options."),
      new Sample("e17", "Foo! The comic strip turns ninety", "Readers sent letters."),
      new Sample("e18", "Unbalanced budget worries critics", "The deficit grew."),
      new Sample("e19", "What? Minister denies leak", "The ministry declined to comment."),
      new Sample("e20", "AT&T sells cable unit", "The sale closes next year."),
      new Sample("e21", "#MeToo five years on", "Campaigners marked the anniversary."),
      new Sample("e22", "Account @user suspended", "The platform cited abuse."));

  /** Queries people type, each searched as text where it is not syntax. */
  public static final List<Case> FOUND = List.of(
      new Case("9/11", Set.of("e01")),
      new Case("AC/DC", Set.of("e02")),
      new Case("24/7", Set.of("e03")),
      new Case("Brexit: what next", Set.of("e04")),
      new Case("R&D", Set.of("e05")),
      new Case("C++", Set.of("e06")),
      new Case("U.S.", Set.of("e07")),
      new Case("e-mail", Set.of("e08")),
      new Case("\"quoted phrase", Set.of("e09")),
      new Case("Q&A:", Set.of("e10")),
      new Case("50%", Set.of("e11")),
      new Case("$5bn", Set.of("e12")),
      new Case("don't", Set.of("e13")),
      new Case("3:2 win", Set.of("e14")),
      new Case("http://example.com/x", Set.of("e15")),
      new Case("title: Brexit", Set.of("e04")),
      new Case("a - b", Set.of("e16")),
      new Case("foo!", Set.of("e17")),
      new Case("(unbalanced", Set.of("e18")),
      new Case("what?", Set.of("e04", "e19")),
      new Case("AT&T", Set.of("e20")),
      new Case("#MeToo", Set.of("e21")),
      new Case("@user", Set.of("e22")),
      new Case("~", Set.of()),
      new Case("^", Set.of()),
      // with syntax around them
      new Case("title:\"AC/DC\" OR 9/11", Set.of("e01", "e02")),
      new Case("AT&T OR R&D", Set.of("e05", "e20")),
      new Case("minister -what?", Set.of("e13", "e16")),
      new Case("(Brexit: OR Q&A:) ports", Set.of("e04")),
      new Case("title:(what? -Brexit:)", Set.of("e19")),
      new Case("\"what next\"", Set.of("e04")),
      new Case("title:24/7", Set.of("e03")),
      new Case("tariff* U.S.", Set.of("e07")));

  /** Queries that cannot be run, each refused with a one-line message. */
  public static final List<String> REFUSED = List.of(
      "title:", "title: ", "title:(", "(title:)", "place:\"\"", "org: ?",
      "[a TO z]", "/raf.*/", "*fah", "a*", "x".repeat(SearchRequest.MAX_QUERY_LENGTH + 1));

  /** Writes each sample as a text file, {@code id.txt}: the headline, a blank line, the body. */
  public static void writeCorpus(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Sample s : SAMPLES) {
      Files.writeString(dir.resolve(s.id() + ".txt"), s.title() + "\n\n" + s.body() + "\n");
    }
  }
}
