package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.facet.LabelAndValue;
import org.broadsheet.extract.Place;
import org.broadsheet.index.Fields;

/**
 * The places of a result set that can be drawn on a map: the values of the places facet (spellings
 * merged) that the gazetteer gives coordinates, most mentioned first. Countries and regions have
 * none and are left out, as are names the gazetteer does not know.
 */
public final class MapPlaces {
  /** Places on a map at most: more circles than a world map can show apart, and a bound on the answer. */
  static final int LIMIT = 200;

  private MapPlaces() {
  }

  public static List<SearchResult.MapPlace> of(LabelAndValue[] places, Spellings spellings,
                                         Function<String, Optional<Place>> gazetteer) {
    List<SearchResult.MapPlace> out = new ArrayList<>();
    for (LabelAndValue lv : MergedFacetValues.merge(places, spellings, Fields.FACET_PLACES)) {
      if (out.size() == LIMIT) {
        break;
      }
      long count = lv.value.longValue();
      if (count <= 0) {
        continue;
      }
      Optional<Place> p = gazetteer.apply(lv.label).filter(Place::hasCoordinates);
      p.ifPresent(place -> out.add(new SearchResult.MapPlace(lv.label, lv.label, place.country(),
          round(place.latitude()), round(place.longitude()), count)));
    }
    return out;
  }

  /** Four decimals: about ten metres, far finer than a world map and a shorter answer. */
  private static double round(double degrees) {
    return Math.round(degrees * 10_000) / 10_000.0;
  }
}
