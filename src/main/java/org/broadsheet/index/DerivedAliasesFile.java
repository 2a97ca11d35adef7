package org.broadsheet.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.extract.ArchiveAliases.Alias;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.NameRule;

/**
 * The derived aliases as a file a person can read ({@link IndexLayout#derivedAliases()}):
 * {@code {"aliases": [{"dim": "organizations", "value": "NGC", "to": "National Grain Council",
 * "rule": "abbreviation-in-archive"}, ...]}}, indented, in a stable order. Written by the indexer,
 * never by hand: people change merges with {@code entities} rules, which win over these.
 */
public final class DerivedAliasesFile {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DerivedAliasesFile() {
  }

  /** The aliases in {@code file}; none when it does not exist. @throws IOException with one line saying what is wrong */
  public static DerivedAliases read(Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return DerivedAliases.NONE;
    }
    return parse(json, file.toString(), "delete it and run 'broadsheet index' again");
  }

  /**
   * The aliases in JSON text of the file's form.
   *
   * @param where  names the text in messages
   * @param remedy what to do when it is wrong, said at the end of the message
   */
  public static DerivedAliases parse(String json, String where, String remedy) throws IOException {
    try {
      JsonNode list = MAPPER.readTree(json).path("aliases");
      if (!list.isArray()) {
        throw new IOException(where + " has no \"aliases\" list; " + remedy);
      }
      List<Alias> aliases = new ArrayList<>(list.size());
      for (JsonNode o : list) {
        EntityType type = Fields.typeOf(o.path("dim").asText());
        if (type == null || o.path("value").asText().isBlank() || o.path("to").asText().isBlank()) {
          throw new IOException(where + ": an alias needs a dim, a value and a 'to': " + o);
        }
        aliases.add(new Alias(type, o.path("value").asText(), o.path("to").asText(),
            NameRule.fromLabel(o.path("rule").asText(NameRule.ABBREVIATION_IN_ARCHIVE.label()))));
      }
      return new DerivedAliases(aliases);
    } catch (JsonProcessingException e) {
      throw new IOException(where + " is not JSON: " + e.getOriginalMessage() + "; " + remedy);
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + e.getMessage() + "; " + remedy);
    }
  }

  /** The file's text for these aliases. */
  public static String format(DerivedAliases aliases) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("aliases");
    for (Alias a : aliases.aliases()) {
      list.addObject().put("dim", Fields.dimOf(a.type())).put("value", a.value()).put("to", a.canonical())
          .put("rule", a.rule().label());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("aliases are strings", e);
    }
  }

  /** Replaces the file in one step. */
  public static void write(Path file, DerivedAliases aliases) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, format(aliases), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
