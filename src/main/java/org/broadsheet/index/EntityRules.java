package org.broadsheet.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;

/**
 * The people's corrections of one index ({@link RulesFile}) as {@link Corrections}: rules apply in
 * their order, each to the mentions whose value (by folded key) is one of its values in its
 * dimension, so a later rule sees what an earlier one made ("A" merged into "B", then "B" renamed
 * "C": "A" is "C"). A merged or renamed mention keeps the text as written, so the entity's page
 * still shows the spellings it was found under.
 */
public final class EntityRules implements Corrections {
  public static final EntityRules NONE = new EntityRules(List.of());

  private final List<EntityRule> rules;
  /** "dim\0key" → positions of the rules that match it, ascending. */
  private final Map<String, List<Integer>> byKey = new HashMap<>();

  public EntityRules(List<EntityRule> rules) {
    this.rules = List.copyOf(rules);
    for (int i = 0; i < this.rules.size(); i++) {
      EntityRule r = this.rules.get(i);
      for (String v : r.values()) {
        List<Integer> at = byKey.computeIfAbsent(slot(r.dim(), v), k -> new ArrayList<>());
        if (at.isEmpty() || at.get(at.size() - 1) != i) {
          at.add(i);
        }
      }
    }
  }

  public List<EntityRule> rules() {
    return rules;
  }

  @Override
  public Extraction apply(Extraction x) {
    if (rules.isEmpty() || x.mentions().isEmpty()) {
      return x;
    }
    List<Mention> out = new ArrayList<>(x.mentions().size());
    boolean changed = false;
    for (Mention m : x.mentions()) {
      Mention c = correct(m);
      if (c != m) {
        changed = true;
      }
      if (c != null) {
        out.add(c);
      }
    }
    return changed ? new Extraction(out) : x;
  }

  /** The mention after every rule that applies to it, or null when one hides it. */
  private Mention correct(Mention m) {
    Mention cur = m;
    int after = -1;
    while (cur.type() != EntityType.DATE) {
      List<Integer> at = byKey.get(slot(Fields.dimOf(cur.type()), cur.name()));
      int next = -1;
      if (at != null) {
        for (int i : at) {
          if (i > after) {
            next = i;
            break;
          }
        }
      }
      if (next < 0) {
        break;
      }
      EntityRule r = rules.get(next);
      switch (r.action()) {
        case MERGE, RENAME -> cur = new Mention(cur.type(), cur.text(), cur.start(), cur.end(), r.to(), cur.value(),
            cur.country(), ruleLabel(r));
        case RETYPE -> {
          EntityType type = Fields.typeOf(r.to());
          cur = new Mention(type, cur.text(), cur.start(), cur.end(), cur.canonical(), cur.value(),
              type == EntityType.PLACE ? cur.country() : null, ruleLabel(r));
        }
        case HIDE -> {
          return null;
        }
      }
      after = next;
    }
    return cur;
  }

  /** What a mention a rule changed says made its value ({@code "rule"} in the article API): {@code "correction r3"}. */
  public static String ruleLabel(EntityRule r) {
    return "correction " + r.id();
  }

  /** True when some rule names this mention's value in its dimension: a derived alias then leaves it to the rule. */
  public boolean names(Mention m) {
    return m.type() != EntityType.DATE && byKey.containsKey(slot(Fields.dimOf(m.type()), m.name()));
  }

  private static String slot(String dim, String value) {
    return dim + '\0' + FacetKeys.key(value);
  }

  /**
   * The articles {@code rules} may change: those with one of their values as extracted (in any
   * named dimension, as a retype may have moved it), or as a value now (another rule's result). A
   * rule change rebuilds these; rebuilding one it does not change costs time, not correctness.
   */
  public static Query touching(Iterable<EntityRule> rules) {
    Set<BytesRef> extracted = new LinkedHashSet<>();
    Map<String, Set<BytesRef>> current = new HashMap<>();
    for (EntityRule r : rules) {
      for (String v : r.values()) {
        for (String dim : Fields.NAMED_DIMS) {
          extracted.add(new BytesRef(Fields.extractedKey(dim, v)));
        }
        current.computeIfAbsent(Fields.facetKey(r.dim()), k -> new LinkedHashSet<>()).add(new BytesRef(FacetKeys.key(v)));
      }
    }
    if (extracted.isEmpty()) {
      return new MatchNoDocsQuery("no rules");
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(new TermInSetQuery(Fields.EXTRACTED_KEY, extracted), BooleanClause.Occur.SHOULD);
    current.forEach((field, keys) -> any.add(new TermInSetQuery(field, keys), BooleanClause.Occur.SHOULD));
    return any.build();
  }

  /** The query for the articles a single rule touches: {@link #touching} of it alone. */
  public static Query touching(EntityRule rule) {
    return touching(List.of(rule));
  }

}
