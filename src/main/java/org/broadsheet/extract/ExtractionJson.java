package org.broadsheet.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON for an {@link Extraction}, for the cache and for storing mentions in the index:
 * {@code {"mentions":[{"type":"person","text":"Erdoğan","start":10,"end":17,"canonical":"Recep
 * Tayyip Erdoğan","rule":"surname"}, ...]}}. Types are written as {@link EntityType#label()}; null fields are left
 * out. Thread-safe (Jackson's ObjectMapper is, once configured).
 */
public final class ExtractionJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExtractionJson() {
  }

  public static String write(Extraction extraction) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("mentions");
    for (Mention m : extraction.mentions()) {
      ObjectNode o = list.addObject();
      o.put("type", m.type().label());
      o.put("text", m.text());
      o.put("start", m.start());
      o.put("end", m.end());
      putIfNotNull(o, "canonical", m.canonical());
      putIfNotNull(o, "value", m.value());
      putIfNotNull(o, "country", m.country());
      putIfNotNull(o, "rule", m.rule());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen for a tree of strings and numbers", e);
    }
  }

  /** @throws IllegalArgumentException when the text is not an extraction's JSON */
  public static Extraction read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode list = root == null ? null : root.get("mentions");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("no \"mentions\" array");
    }
    List<Mention> mentions = new ArrayList<>(list.size());
    for (JsonNode o : list) {
      mentions.add(new Mention(EntityType.fromLabel(o.path("type").asText()), o.path("text").asText(),
          o.path("start").asInt(), o.path("end").asInt(), text(o, "canonical"), text(o, "value"),
          text(o, "country"), text(o, "rule")));
    }
    return new Extraction(mentions);
  }

  private static void putIfNotNull(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
