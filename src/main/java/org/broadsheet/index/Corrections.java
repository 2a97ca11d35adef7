package org.broadsheet.index;

import org.broadsheet.extract.Extraction;

/**
 * Changes to an article's entities that people (or rules derived from the archive) made, applied
 * by {@link DocumentBuilder} to what the extractor found before it becomes facets. Whatever the
 * source of the corrections (the index's {@link EntityRules} file, aliases derived across the
 * archive), the builder sees one of these, so the corrections come along with every way a document
 * is built: {@code index}, {@code reindex}, {@code index --full} and {@link DocumentRewriter}.
 * Implementations are pure functions of the extraction and safe to share between threads.
 */
@FunctionalInterface
public interface Corrections {
  /** No corrections: the extraction as found. */
  Corrections NONE = x -> x;

  /** The extraction with the corrections applied (mentions renamed, retyped or dropped); never null. */
  Extraction apply(Extraction extraction);

  /** These corrections, then {@code next} on their result. */
  default Corrections then(Corrections next) {
    return x -> next.apply(apply(x));
  }
}
