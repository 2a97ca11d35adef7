package org.broadsheet.extract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    // Streamed, not built as a tree first: written twice per article (the cache and the stored mentions).
    java.io.StringWriter out = new java.io.StringWriter(64 + 96 * extraction.mentions().size());
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("mentions");
      for (Mention m : extraction.mentions()) {
        g.writeStartObject();
        g.writeStringField("type", m.type().label());
        g.writeStringField("text", m.text());
        g.writeNumberField("start", m.start());
        g.writeNumberField("end", m.end());
        writeIfNotNull(g, "canonical", m.canonical());
        writeIfNotNull(g, "value", m.value());
        writeIfNotNull(g, "country", m.country());
        writeIfNotNull(g, "rule", m.rule());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot happen writing to a string", e);
    }
    return out.toString();
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

  private static void writeIfNotNull(JsonGenerator g, String field, String value) throws java.io.IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
