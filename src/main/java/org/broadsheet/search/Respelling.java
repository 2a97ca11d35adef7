package org.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.broadsheet.index.Fields;

/**
 * One rule for the spelling shown: an entity is written the way {@link Spellings} chose for the
 * whole archive (diacritics first, then the spelling most articles use), in the facet lists, in
 * each hit's tags and on the article page alike, whatever one article's own text says.
 */
public final class Respelling {
  private Respelling() {
  }

  static List<SearchResult.Hit> hits(List<SearchResult.Hit> hits, Spellings spellings) {
    List<SearchResult.Hit> out = new ArrayList<>(hits.size());
    for (SearchResult.Hit h : hits) {
      out.add(h.withEntities(values(h.people(), spellings, Fields.FACET_PEOPLE),
          values(h.places(), spellings, Fields.FACET_PLACES), values(h.organizations(), spellings, Fields.FACET_ORGS)));
    }
    return out;
  }

  static ArticleView article(ArticleView a, Spellings spellings) {
    return new ArticleView(a.id(), a.path(), a.title(), a.published(), a.publishedFrom(), a.byline(), a.source(),
        a.language(), a.text(), a.bodyStart(), a.paragraphs(), a.entities(),
        values(a.people(), spellings, Fields.FACET_PEOPLE),
        values(a.places(), spellings, Fields.FACET_PLACES), values(a.organizations(), spellings, Fields.FACET_ORGS),
        a.dates(), a.related());
  }

  /** Each value in the archive's spelling, once, in the article's order. */
  public static List<String> values(List<String> values, Spellings spellings, String dim) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      out.add(spellings.best(dim, v));
    }
    return List.copyOf(out);
  }
}
