package org.broadsheet.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;

/**
 * Every correction of one index, in the order they apply: the {@link DerivedAliases} first, then
 * the people's {@link EntityRules}, so a person's rule wins. A mention whose value as extracted a
 * rule names is left to that rule (an {@code entities merge} or {@code rename} of "NGC" overrides
 * the derived alias of "NGC"); a rule naming an alias's target applies to the aliased mentions too
 * ({@code entities hide} of the target hides them).
 */
public record ArchiveCorrections(DerivedAliases derived, EntityRules people) implements Corrections {

  /** What the files beside the index say now. */
  public static ArchiveCorrections read(IndexLayout layout) throws IOException {
    return new ArchiveCorrections(DerivedAliasesFile.read(layout.derivedAliases()),
        new EntityRules(RulesFile.read(layout.entityRules())));
  }

  /** These corrections with other derived aliases. */
  public ArchiveCorrections withDerived(DerivedAliases newDerived) {
    return new ArchiveCorrections(newDerived, people);
  }

  @Override
  public Extraction apply(Extraction x) {
    if (derived.aliases().isEmpty()) {
      return people.apply(x);
    }
    List<Mention> aliased = new ArrayList<>(x.mentions().size());
    boolean changed = false;
    for (Mention m : x.mentions()) {
      Mention c = people.names(m) ? m : derived.alias(m);
      changed |= c != m;
      aliased.add(c);
    }
    return people.apply(changed ? new Extraction(aliased) : x);
  }
}
