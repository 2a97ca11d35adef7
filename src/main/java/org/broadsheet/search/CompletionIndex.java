package org.broadsheet.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.index.Fields;

/**
 * What the search box completes to, for one index reader: the names of people, places and
 * organisations (by any word of the name, so "erd" finds "Recep Tayyip Erdoğan") and the words
 * most articles use ({@link CompletionEntries}), each weighted by its article count. An
 * {@link AnalyzingSuggester} (an FST held in memory), built once per reader for the embedded index,
 * or from the entries matching one prefix for the cluster; a look-up walks the FST for the prefix.
 * Matching folds case and accents.
 */
public final class CompletionIndex {
  private static final String[] NAMED = {Fields.FACET_PEOPLE, Fields.FACET_PLACES, Fields.FACET_ORGS};
  private static final char SEP = '\t';

  private final AnalyzingSuggester suggester;

  private CompletionIndex(AnalyzingSuggester suggester) {
    this.suggester = suggester;
  }

  static CompletionIndex build(IndexReader reader, Spellings spellings, EntityWords entityWords) throws IOException {
    CompletionEntries entries = new CompletionEntries(entityWords);
    for (String dim : NAMED) {
      entities(spellings, dim, entries);
    }
    terms(reader, entries);
    return of(entries);
  }

  /** The completions of these entries, whichever engine gathered them. */
  public static CompletionIndex of(CompletionEntries entries) throws IOException {
    AnalyzingSuggester s = new AnalyzingSuggester(new ByteBuffersDirectory(), "completions", folding());
    s.build(new Entries(entries.all()));
    return new CompletionIndex(s);
  }

  /** Up to {@code limit} completions of {@code prefix}, most articles first. */
  public List<Completion> lookup(String prefix, int limit) {
    // An entity found by two of its words comes twice: ask for more, keep each once.
    List<Lookup.LookupResult> found = suggester.lookup(prefix, null, false, limit * 4);
    Set<Completion> out = new LinkedHashSet<>();
    for (Lookup.LookupResult r : found) {
      String payload = r.payload.utf8ToString();
      int sep = payload.indexOf(SEP);
      out.add(new Completion(payload.substring(sep + 1), payload.substring(0, sep), r.value));
      if (out.size() == limit) {
        break;
      }
    }
    return List.copyOf(out);
  }

  /** Each entity once, in its best spelling. */
  private static void entities(Spellings spellings, String dim, CompletionEntries out) {
    Map<String, Long> counts = new HashMap<>();
    for (LabelAndValue lv : spellings.all(dim)) {
      counts.merge(spellings.best(dim, lv.label), lv.value.longValue(), Long::sum);
    }
    counts.forEach((name, count) -> out.entity(dim, name, count));
  }

  /** The words of the body with the number of articles using each. */
  private static void terms(IndexReader reader, CompletionEntries out) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, Fields.BODY);
    if (terms == null) {
      return;
    }
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      int df = te.docFreq();
      if (out.wanted(df, t.length)) {
        out.word(t.utf8ToString(), df);
      }
    }
  }

  /**
   * The whole entry as one token up to {@link CompletionEntries#MARK}, lower case and without
   * accents: prefixes match from its start.
   */
  private static Analyzer folding() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(new UpToMark(source)));
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** Cuts the token at {@link CompletionEntries#MARK}. */
  private static final class UpToMark extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    UpToMark(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] buffer = term.buffer();
      for (int i = 0; i < term.length(); i++) {
        if (buffer[i] == CompletionEntries.MARK) {
          term.setLength(i);
          break;
        }
      }
      return true;
    }
  }

  /** The entries as the suggester reads them: key, weight and, as payload, kind and text. */
  private static final class Entries implements InputIterator {
    private final List<CompletionEntries.Entry> entries;
    private int i = -1;

    Entries(List<CompletionEntries.Entry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      return ++i < entries.size() ? new BytesRef(entries.get(i).key()) : null;
    }

    @Override
    public long weight() {
      return entries.get(i).count();
    }

    @Override
    public BytesRef payload() {
      CompletionEntries.Entry e = entries.get(i);
      return new BytesRef((e.kind() + SEP + e.text()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
