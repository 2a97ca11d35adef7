package org.broadsheet.index;

import java.util.List;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.ExtractionJson;
import org.broadsheet.extract.Mention;

/**
 * An article's mentions as stored in its Lucene document: {@link ExtractionJson}'s form, the
 * same the extraction cache keeps and the API shows.
 */
public final class StoredMentions {
  private StoredMentions() {
  }

  public static String write(List<Mention> mentions) {
    return ExtractionJson.write(new Extraction(mentions));
  }

  public static List<Mention> read(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return ExtractionJson.read(json).mentions();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("stored mentions are not an extraction's JSON: " + e.getMessage(), e);
    }
  }
}
