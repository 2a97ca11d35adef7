package org.broadsheet.search;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.broadsheet.index.Fields;

/** Values read back from a stored Lucene document, as results show them. */
final class StoredValues {
  private StoredValues() {
  }

  /** The published time as an ISO instant, or null for an undated article. */
  static String published(Document d) {
    var f = d.getField(Fields.PUBLISHED);
    if (f == null || f.numericValue() == null) {
      return null;
    }
    return Instant.ofEpochMilli(f.numericValue().longValue()).toString();
  }

  static List<String> values(Document d, String field) {
    return List.of(d.getValues(field));
  }
}
