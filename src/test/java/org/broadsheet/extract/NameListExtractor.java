package org.broadsheet.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a fixed list of names (every occurrence, as written) in an article's text: the entities a
 * test indexes are known in advance, and indexing takes no NER models. Stands in for CoreNLP only
 * in tests, through the same {@link EntityExtractor} interface the indexer calls.
 */
public final class NameListExtractor implements EntityExtractor {
  /** A name to find: its type, the text as written, its canonical value and, for places, country. */
  public record Name(EntityType type, String text, String canonical, String country) {
  }

  private final List<Name> names;

  public NameListExtractor(List<Name> names) {
    this.names = List.copyOf(names);
  }

  public static Name person(String text, String canonical) {
    return new Name(EntityType.PERSON, text, canonical, null);
  }

  public static Name org(String text, String canonical) {
    return new Name(EntityType.ORGANIZATION, text, canonical, null);
  }

  public static Name place(String text, String country) {
    return new Name(EntityType.PLACE, text, text, country);
  }

  @Override
  public Extraction extract(org.broadsheet.ingest.Article article) {
    String text = article.text();
    List<Mention> found = new ArrayList<>();
    for (Name n : names) {
      for (int at = text.indexOf(n.text()); at >= 0; at = text.indexOf(n.text(), at + 1)) {
        int i = at;
        int end = i + n.text().length();
        boolean word = (i == 0 || !Character.isLetter(text.charAt(i - 1)))
            && (end == text.length() || !Character.isLetter(text.charAt(end)));
        boolean inLonger = found.stream().anyMatch(m -> m.start() <= i && m.end() >= end);
        if (word && !inLonger) {
          found.add(new Mention(n.type(), n.text(), i, end, n.canonical(), null, n.country()));
        }
      }
    }
    found.sort(Comparator.comparingInt(Mention::start));
    return new Extraction(found);
  }

  @Override
  public String version() {
    return "name-list-" + names.hashCode();
  }
}
