package org.broadsheet.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.broadsheet.extract.Mention;

/** The JSON form in which an article's mentions are stored in its Lucene document. */
public final class StoredMentions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Mention>> LIST = new TypeReference<>() {
  };

  private StoredMentions() {
  }

  public static String write(List<Mention> mentions) {
    try {
      return JSON.writeValueAsString(mentions);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("mentions cannot be written as JSON", e);
    }
  }

  public static List<Mention> read(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored mentions are not valid JSON", e);
    }
  }
}
