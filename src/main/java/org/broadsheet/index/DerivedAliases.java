package org.broadsheet.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.extract.ArchiveAliases.Alias;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;

/**
 * The merges {@link org.broadsheet.extract.ArchiveAliases} derived from the whole archive, as
 * {@link Corrections}: a mention whose value (by folded key) is an alias's value in its type gets
 * the alias's canonical value and rule ({@code "abbreviation-in-archive"}, ...), keeping the text
 * as written. Aliases are followed to their end when derived, so one step is enough here.
 */
public final class DerivedAliases implements Corrections {
  public static final DerivedAliases NONE = new DerivedAliases(List.of());

  private final List<Alias> aliases;
  private final Map<String, Alias> byKey = new HashMap<>();

  public DerivedAliases(List<Alias> aliases) {
    this.aliases = List.copyOf(aliases);
    for (Alias a : this.aliases) {
      byKey.putIfAbsent(slot(a.type(), a.value()), a);
    }
  }

  public List<Alias> aliases() {
    return aliases;
  }

  @Override
  public Extraction apply(Extraction x) {
    if (aliases.isEmpty() || x.mentions().isEmpty()) {
      return x;
    }
    List<Mention> out = new ArrayList<>(x.mentions().size());
    boolean changed = false;
    for (Mention m : x.mentions()) {
      Mention c = alias(m);
      changed |= c != m;
      out.add(c);
    }
    return changed ? new Extraction(out) : x;
  }

  /** The mention under its alias, or itself when none applies. */
  public Mention alias(Mention m) {
    if (m.type() == EntityType.DATE) {
      return m;
    }
    Alias a = byKey.get(slot(m.type(), m.name()));
    return a == null ? m : m.withCanonical(a.canonical(), a.rule());
  }

  /** The aliases in one set and not the other (added, dropped or pointing elsewhere now), both ways. */
  public List<Alias> changedFrom(DerivedAliases before) {
    Set<Alias> changed = new LinkedHashSet<>(aliases);
    changed.removeAll(before.aliases);
    before.aliases.stream().filter(a -> !aliases.contains(a)).forEach(changed::add);
    return List.copyOf(changed);
  }

  /** The articles {@code aliases} apply to: those with one of their values as extracted. */
  public static Query touching(List<Alias> aliases) {
    Set<BytesRef> keys = new LinkedHashSet<>();
    for (Alias a : aliases) {
      keys.add(new BytesRef(Fields.extractedKey(Fields.dimOf(a.type()), a.value())));
    }
    return keys.isEmpty() ? new MatchNoDocsQuery("no aliases") : new TermInSetQuery(Fields.EXTRACTED_KEY, keys);
  }

  private static String slot(EntityType type, String value) {
    return type.label() + '\0' + FacetKeys.key(value);
  }
}
