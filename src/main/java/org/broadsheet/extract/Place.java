package org.broadsheet.extract;

/**
 * A gazetteer entry: a country, a region or a populated place.
 *
 * @param name       the gazetteer's name for it
 * @param country    ISO 3166 alpha-2 code of its country
 * @param latitude   degrees, {@code Double.NaN} when unknown (countries, regions)
 * @param longitude  degrees, {@code Double.NaN} when unknown
 * @param population inhabitants, 0 when unknown
 * @param kind       what sort of place
 */
public record Place(String name, String country, double latitude, double longitude, long population, Kind kind) {

  public enum Kind { COUNTRY, REGION, CAPITAL, CITY }

  public boolean hasCoordinates() {
    return !Double.isNaN(latitude) && !Double.isNaN(longitude);
  }
}
