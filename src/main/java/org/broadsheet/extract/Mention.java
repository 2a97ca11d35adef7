package org.broadsheet.extract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entity mention in an article's text.
 *
 * @param type      what kind of entity
 * @param text      the text as written
 * @param start     offset of the first character in {@code Article.text()}
 * @param end       offset one past the last character
 * @param canonical the canonical name of the entity (for dates: the resolved value, as for {@code value})
 * @param value     for dates the resolved calendar value ({@code 2024}, {@code 2024-05} or {@code 2024-05-12}),
 *                  null when it could not be resolved or for other types
 * @param country   for places the ISO 3166 alpha-2 code of the country the place is in, else null
 * @param rule      which {@link NameRule} made the canonical value (its label, e.g. {@code "party"}); null
 *                  when the text as written is the value, and for dates
 * <p>As JSON (the API's article entities) it has {@link ExtractionJson}'s form: the type by its
 * label, null fields left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mention(EntityType type, String text, int start, int end, String canonical, String value,
                      String country, String rule) {

  /** A mention whose canonical value no rule made. */
  public Mention(EntityType type, String text, int start, int end, String canonical, String value, String country) {
    this(type, text, start, end, canonical, value, country, null);
  }

  /** The value the mention is counted under: its canonical value, else the text as written. */
  @JsonIgnore
  public String name() {
    return canonical != null ? canonical : text;
  }

  /** This mention with another canonical value, made by this rule. */
  public Mention withCanonical(String newCanonical, NameRule by) {
    return new Mention(type, text, start, end, newCanonical, value, country, by == null ? null : by.label());
  }
}
