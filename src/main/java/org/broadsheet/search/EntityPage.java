package org.broadsheet.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.broadsheet.extract.Place;
import org.broadsheet.index.Fields;

/**
 * One entity's page ({@code GET /api/entities/{dim}/{value}}): how often the archive (or the part a
 * query and filters scope) mentions it, under which spellings, when, with whom, and where.
 *
 * @param dim       people, places or organizations
 * @param value     the facet value (the archive's spelling, as the facets show it)
 * @param label     the name to show
 * @param count     articles that mention it
 * @param aliases   the spellings the texts use for it, by the number of articles using each
 * @param timeline  its articles per year, month or day
 * @param related   per named dimension, the values most associated with it ({@link RelatedEntities})
 * @param articles  the ten most relevant of its articles, as search hits
 * @param country   for places, the ISO code of the country; else null
 * @param latitude  for places with coordinates; else null
 * @param longitude for places with coordinates; else null
 */
public record EntityPage(String dim, String value, String label, long count, List<Alias> aliases,
                         SearchResult.Histogram timeline, Map<String, List<Related>> related,
                         List<SearchResult.Hit> articles, String country, Double latitude, Double longitude) {

  /**
   * A page, whichever engine computed it: a place's country and coordinates come from the
   * gazetteer, else (its country only) from what its mentions carry.
   *
   * @param label     the entity's name in the archive's spelling
   * @param gazetteer a place's entry by name
   */
  public static EntityPage of(String dim, String label, long count, EntityAliases seen, SearchResult.Histogram timeline,
                              Map<String, List<Related>> related, List<SearchResult.Hit> articles,
                              Function<String, Optional<Place>> gazetteer) {
    String country = null;
    Double latitude = null;
    Double longitude = null;
    if (dim.equals(Fields.FACET_PLACES)) {
      Optional<Place> place = gazetteer.apply(label);
      country = place.map(Place::country).orElse(seen.country());
      if (place.isPresent() && place.get().hasCoordinates()) {
        latitude = place.get().latitude();
        longitude = place.get().longitude();
      }
    }
    return new EntityPage(dim, label, label, count, seen.aliases(), timeline, related, articles, country, latitude,
        longitude);
  }

  /** A spelling as written in the texts, and how many of the articles read use it. */
  public record Alias(String text, long count) {
  }

  /**
   * A value mentioned in the same articles: {@code count} articles mention both, {@code score} is the
   * log-likelihood ratio (G²) of that co-occurrence against the value's share of the scope.
   */
  public record Related(String value, String label, long count, double score) {
  }
}
