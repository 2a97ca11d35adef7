package org.broadsheet.web;

import java.util.List;
import org.broadsheet.index.Fields;

/**
 * The facet dimensions, as {@code GET /api/dimensions} tells the front end, so that the page's
 * panels and filters follow {@link Fields} instead of a list of its own.
 *
 * @param facets   every dimension with facet counts in a search answer, in display order
 * @param filters  the dimensions a search takes as filter parameters ({@code people=...})
 * @param listable the dimensions whose whole value list {@code /api/facets/{dim}} pages through
 */
record Dimensions(List<String> facets, List<String> filters, List<String> listable) {
  static final Dimensions ARCHIVE = new Dimensions(Fields.FACET_DIMS, Fields.FILTER_DIMS, Fields.LISTED_DIMS);
}
