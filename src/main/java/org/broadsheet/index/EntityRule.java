package org.broadsheet.index;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One correction a person made to the entities of the whole archive, kept in the index's rules
 * file ({@link RulesFile}). Values are matched by their folded key ({@link FacetKeys#key}), as a
 * facet selection is, so "Tories" also catches "TORIES".
 *
 * @param id      short and stable ({@code r1}, {@code r2}, ...): what {@code entities drop} names
 * @param action  what it does to the mentions whose value is one of {@code values} in {@code dim}
 * @param dim     people, places or organizations
 * @param values  the values it applies to
 * @param to      the new value (merge, rename) or the new dimension (retype); null for hide
 * @param created when it was made, an ISO instant
 */
@JsonPropertyOrder({"id", "action", "dim", "values", "to", "created"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityRule(String id, Action action, String dim, List<String> values, String to, String created) {

  /** What a rule does to the mentions it matches. */
  public enum Action {
    /** Several values become one ({@code to}). */
    MERGE,
    /** One value is spelled anew ({@code to}). */
    RENAME,
    /** The value moves to another dimension ({@code to}: people, places or organizations). */
    RETYPE,
    /** The value is dropped: the recogniser's junk. */
    HIDE;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action of(String label) {
      for (Action a : values()) {
        if (a.label().equals(label)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown action '" + label + "'; use merge, rename, retype or hide");
    }
  }

  /** @throws IllegalArgumentException with a one-line reason when the rule cannot be applied */
  @JsonCreator
  public EntityRule(@JsonProperty("id") String id, @JsonProperty("action") Action action,
                    @JsonProperty("dim") String dim, @JsonProperty("values") List<String> values,
                    @JsonProperty("to") String to, @JsonProperty("created") String created) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new IllegalArgumentException("a rule needs an id of letters, digits, '-' or '_', not '" + id + "'");
    }
    if (action == null) {
      throw new IllegalArgumentException("rule " + id + " has no action");
    }
    if (!Fields.NAMED_DIMS.contains(dim)) {
      throw new IllegalArgumentException("rule " + id + ": dim must be one of " + String.join(", ", Fields.NAMED_DIMS)
          + ", not '" + dim + "'");
    }
    if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || FacetKeys.key(v).isEmpty())) {
      throw new IllegalArgumentException("rule " + id + " needs one or more values that are not blank");
    }
    values = values.stream().map(String::strip).toList();
    to = to == null ? null : to.strip();
    if (action == Action.HIDE) {
      to = null;
    } else if (to == null || FacetKeys.key(to).isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " (" + action.label() + ") needs a value to change to");
    }
    if (action == Action.RETYPE && (!Fields.NAMED_DIMS.contains(to) || to.equals(dim))) {
      throw new IllegalArgumentException("rule " + id + ": retype moves to another of "
          + String.join(", ", Fields.NAMED_DIMS) + ", not '" + to + "'");
    }
    if (action == Action.RENAME && values.size() != 1) {
      throw new IllegalArgumentException("rule " + id + ": rename takes one value (merge takes several)");
    }
    try {
      Instant.parse(created);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("rule " + id + ": 'created' must be an ISO instant, not '" + created + "'");
    }
    this.id = id;
    this.action = action;
    this.dim = dim;
    this.values = List.copyOf(values);
    this.to = to;
    this.created = created;
  }

  /** A sentence for people: {@code merge organizations "Tories", "the Tories" into "Conservative Party"}. */
  public String describe() {
    String vs = String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
    return switch (action) {
      case MERGE -> "merge " + dim + " " + vs + " into \"" + to + "\"";
      case RENAME -> "rename " + dim + " " + vs + " to \"" + to + "\"";
      case RETYPE -> "retype " + dim + " " + vs + " as " + to;
      case HIDE -> "hide " + dim + " " + vs;
    };
  }
}
