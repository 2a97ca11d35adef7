package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.facet.LabelAndValue;
import org.junit.jupiter.api.Test;

/** The ranking of related values: association, not size. */
class RelatedEntitiesTest {
  private static final Spellings SPELLINGS = new Spellings(null);

  @Test
  void aValueEverywhereIsNotRelatedAndAStrongPartnerBeatsABigCommonOne() {
    // 100 articles; the entity is in 10. "Labour" is in 9 of its 10 and 12 overall; "Reuters" in all 100;
    // "London" in 6 of its 10 but 60 overall (no more than its share).
    List<LabelAndValue> together = List.of(new LabelAndValue("Reuters", 10), new LabelAndValue("Labour", 9),
        new LabelAndValue("London", 6), new LabelAndValue("Tony Blair", 10));
    List<LabelAndValue> everywhere = List.of(new LabelAndValue("Reuters", 100), new LabelAndValue("Labour", 12),
        new LabelAndValue("London", 60), new LabelAndValue("Tony Blair", 10));
    List<EntityPage.Related> ranked = RelatedEntities.rank(together, everywhere, SPELLINGS, 10, 100, "tony blair");
    assertEquals(List.of("Labour"), ranked.stream().map(EntityPage.Related::value).toList());
    assertEquals(9, ranked.get(0).count());
  }

  @Test
  void gSquaredGrowsWithEvidence() {
    assertEquals(0.0, RelatedEntities.g2(5, 10, 50, 100), 1e-9, "exactly its share: no association");
    assertTrue(RelatedEntities.g2(9, 10, 12, 100) > RelatedEntities.g2(2, 10, 3, 100),
        "nine articles together say more than two");
    assertTrue(RelatedEntities.g2(9, 10, 12, 100) > 0);
  }
}
