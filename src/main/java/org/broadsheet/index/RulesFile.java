package org.broadsheet.index;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The index's entity rules as a file a person can read, diff and keep in git
 * ({@link IndexLayout#entityRules()}): {@code {"rules": [{"id", "action", "dim", "values", "to",
 * "created"}, ...]}}, indented, keys always in that order, rules in the order they apply. It lives
 * beside the Lucene index, so {@code index --full} (which starts the Lucene index afresh) keeps it.
 */
public final class RulesFile {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RulesFile() {
  }

  /** The file's shape. */
  record Contents(List<EntityRule> rules) {
    @JsonCreator
    Contents(@JsonProperty("rules") List<EntityRule> rules) {
      this.rules = rules == null ? List.of() : List.copyOf(rules);
    }
  }

  /** The rules in {@code file}; none when it does not exist. @throws IOException with one line saying what is wrong */
  public static List<EntityRule> read(Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    return parse(json, file.toString());
  }

  /** Rules from JSON text in this file's form; {@code where} names it in the message. */
  public static List<EntityRule> parse(String json, String where) throws IOException {
    try {
      List<EntityRule> rules = MAPPER.readValue(json, Contents.class).rules();
      Set<String> ids = new HashSet<>();
      for (EntityRule r : rules) {
        if (r == null) {
          throw new RulesException(where + ": a rule is null");
        }
        if (!ids.add(r.id())) {
          throw new RulesException(where + ": two rules have the id " + r.id());
        }
      }
      return rules;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new RulesException(where + ": " + cause.getMessage());
    } catch (JsonProcessingException e) {
      throw new RulesException(where + " is not a rules file: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new RulesException(where + ": " + e.getMessage());
    }
  }

  /** The JSON text of these rules, as the file holds it (and {@code entities export} prints). */
  public static String format(List<EntityRule> rules) {
    try {
      return MAPPER.writeValueAsString(new Contents(rules)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rules are strings and lists", e);
    }
  }

  /** Replaces the file in one step (a reader sees the old rules or the new, never half). */
  public static void write(Path file, List<EntityRule> rules) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, format(rules), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A rules file or rule that cannot be used; the message is one line. */
  public static final class RulesException extends IOException {
    public RulesException(String message) {
      super(message);
    }
  }
}
