package org.broadsheet.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.ingest.Article;

/**
 * The entities of the contract's sample articles by a fixed list of names, and ISO dates: the
 * contract is about the engines, which must index and count whatever the extractor found, so it
 * does not wait for CoreNLP. Every occurrence of a listed name is a mention.
 */
final class ListedEntities implements EntityExtractor {
  record Name(EntityType type, String name, String country) {
  }

  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
  private final List<Name> names;

  ListedEntities(List<Name> names) {
    this.names = List.copyOf(names);
  }

  @Override
  public Extraction extract(Article article) {
    String text = article.text();
    List<Mention> mentions = new ArrayList<>();
    for (Name n : names) {
      for (int at = text.indexOf(n.name()); at >= 0; at = text.indexOf(n.name(), at + 1)) {
        mentions.add(new Mention(n.type(), n.name(), at, at + n.name().length(), n.name(), null, n.country()));
      }
    }
    Matcher m = ISO_DATE.matcher(text);
    while (m.find()) {
      mentions.add(new Mention(EntityType.DATE, m.group(1), m.start(), m.end(), m.group(1), m.group(1), null));
    }
    mentions.sort(java.util.Comparator.comparingInt(Mention::start));
    return new Extraction(mentions);
  }

  @Override
  public String version() {
    return "listed-entities-1";
  }
}
