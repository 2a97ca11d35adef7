package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Which fields may be named, and how a word without a field is spread over the default fields. */
class FieldPolicyTest {
  private final FieldPolicy policy = FieldPolicy.archive();

  @Test
  void namedFields() {
    for (String f : List.of("title", "body", "person", "place", "org")) {
      assertTrue(policy.isNamed(f), f);
    }
    for (String f : List.of("Title", "id", "path", "Brexit", "http", "3", "")) {
      assertFalse(policy.isNamed(f), f);
    }
  }

  @Test
  void aWordWithoutFieldSearchesTitleDoubleOrBody() throws Exception {
    assertEquals(List.of("title", "body"), policy.defaultFields());
    assertEquals("(title:x)^2.0 body:x",
        policy.eachField(null, f -> new TermQuery(new Term(f, "x"))).toString());
    assertEquals("person:x", policy.eachField("person", f -> new TermQuery(new Term(f, "x"))).toString());
  }

  @Test
  void fieldsWithNothingToSearchAreLeftOut() throws Exception {
    assertEquals("body:x",
        policy.eachField(null, f -> f.equals("body") ? new TermQuery(new Term(f, "x")) : null).toString());
    assertNull(policy.eachField(null, f -> null));
  }
}
