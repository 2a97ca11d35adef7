package org.broadsheet.extract;

/** The kinds of entity Broadsheet extracts; {@link #label()} is how JSON and the command line name them. */
public enum EntityType {
  PERSON("person"),
  PLACE("place"),
  ORGANIZATION("organization"),
  DATE("date");

  private final String label;

  EntityType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static EntityType fromLabel(String label) {
    for (EntityType t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown entity type: " + label);
  }
}
