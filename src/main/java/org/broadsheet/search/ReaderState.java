package org.broadsheet.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

/**
 * What is built once per index reader: its facet ordinals ({@code state}, null while no article
 * has a facet value), the dimensions some article has a value in (asking Lucene for any other is
 * an error), spellings, the words of entity names (built on first use) and the results computed from it. Rebuilt only when a refresh brings a new
 * reader.
 */
record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state, Set<String> dims,
                   Spellings spellings, ResultCache results, java.util.function.Supplier<EntityWords> entityWords,
                   GroupOrds groups) {

  static ReaderState of(IndexReader reader, FacetsConfig config, int cacheMegabytes) throws IOException {
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, config);
    } catch (IllegalArgumentException e) {
      state = null; // no article has a facet value yet
    }
    Set<String> dims = new HashSet<>();
    if (state != null) {
      state.getDims().forEach(dims::add);
    }
    Spellings spellings = new Spellings(state);
    // Built on the first "did you mean" of this reader, not for every reader.
    java.util.function.Supplier<EntityWords> words = new java.util.function.Supplier<>() {
      private volatile EntityWords built;

      @Override
      public EntityWords get() {
        EntityWords w = built;
        if (w == null) {
          synchronized (this) {
            if (built == null) {
              built = new EntityWords(spellings);
            }
            w = built;
          }
        }
        return w;
      }
    };
    return new ReaderState(reader, state, Set.copyOf(dims), spellings, new ResultCache(cacheMegabytes), words,
        GroupOrds.of(reader));
  }

  /** True when some article has a value in {@code dim}. */
  boolean has(String dim) {
    return dims.contains(dim);
  }
}
