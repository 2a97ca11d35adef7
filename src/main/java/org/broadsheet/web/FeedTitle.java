package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.search.SearchRequest;

/** A feed's title, from its search: "Broadsheet: gaza · people: Ismail Haniyeh · not places: Cairo". */
final class FeedTitle {
  private FeedTitle() {
  }

  static String of(SearchRequest r) {
    List<String> parts = new ArrayList<>();
    parts.add(r.query().isBlank() ? "all articles" : r.query().strip());
    for (Map.Entry<String, List<String>> f : new java.util.TreeMap<>(r.filters()).entrySet()) {
      parts.add(f.getKey() + ": " + String.join(", ", f.getValue()));
    }
    for (Map.Entry<String, List<String>> f : new java.util.TreeMap<>(r.exclude()).entrySet()) {
      parts.add("not " + f.getKey() + ": " + String.join(", ", f.getValue()));
    }
    if (r.published() != null) {
      parts.add("published " + r.published());
    }
    if (r.from() != null || r.to() != null) {
      parts.add((r.from() == null ? "" : r.from()) + " to " + (r.to() == null ? "" : r.to()));
    }
    return "Broadsheet: " + String.join(" · ", parts);
  }
}
