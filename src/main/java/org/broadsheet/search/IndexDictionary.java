package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The words of an index: a word is there when its first token, analysed as a query on the
 * field, is a term of the field with at least one document. A dictionary lookup, so it
 * costs no index space.
 */
final class IndexDictionary implements WordDictionary {
  private final IndexReader reader;
  private final Analyzer analyzer;
  private final List<String> defaultFields;

  /**
   * @param reader        the index to look in
   * @param analyzer      the query analyzer, so a word is looked up as a query would search it
   * @param defaultFields the fields to look in when no field is given
   */
  IndexDictionary(IndexReader reader, Analyzer analyzer, List<String> defaultFields) {
    this.reader = reader;
    this.analyzer = analyzer;
    this.defaultFields = List.copyOf(defaultFields);
  }

  @Override
  public boolean contains(String field, String word) {
    try {
      for (String f : field == null ? defaultFields : List.of(field)) {
        String term = WordDictionary.firstToken(analyzer, f, word);
        if (term != null && reader.docFreq(new Term(f, term)) > 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
