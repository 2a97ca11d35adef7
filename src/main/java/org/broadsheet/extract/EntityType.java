package org.broadsheet.extract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of entity Broadsheet extracts. {@link #label()} is how every layer names them: the
 * extraction cache, the index, the API ({@code /api/articles/{id}}) and the command line.
 */
public enum EntityType {
  PERSON("person"),
  PLACE("place"),
  ORGANIZATION("organization"),
  DATE("date");

  private final String label;

  EntityType(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static EntityType fromLabel(String label) {
    for (EntityType t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown entity type: " + label);
  }
}
