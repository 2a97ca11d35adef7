/**
 * Extract: the people, places, organisations and dates of an {@code Article} (Stanford CoreNLP),
 * made canonical (one value per real entity), places given their country and coordinates from the
 * GeoNames gazetteer in the jar, dates resolved against the published date; and the cache of
 * extractions beside the index.
 */
package org.broadsheet.extract;
