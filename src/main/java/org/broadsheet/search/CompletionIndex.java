package org.broadsheet.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
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
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * What the search box completes to, for one index reader: the names of people, places and
 * organisations (by any word of the name, so "erd" finds "Recep Tayyip Erdoğan") and the words
 * most articles use, each weighted by its article count. An {@link AnalyzingSuggester} (an FST held
 * in memory) built once per reader; a look-up walks the FST for the prefix and reads no index.
 * Matching folds case and accents.
 */
final class CompletionIndex {
  /** The most common words offered: enough for any word a reader starts, small enough to build in a moment. */
  static final int MAX_TERMS = 20_000;
  /**
   * A word in fewer articles is not offered. One: in a small archive a word of one article is worth
   * completing; in a large one the {@link #MAX_TERMS} most common leave the one-offs out anyway.
   */
  static final int MIN_TERM_ARTICLES = 1;
  private static final String[][] ENTITY_KINDS = {
      {Fields.FACET_PEOPLE, "person"}, {Fields.FACET_PLACES, "place"}, {Fields.FACET_ORGS, "organization"}};
  private static final char SEP = '\t';

  private final AnalyzingSuggester suggester;

  /** One entry: matched by {@code key}, shown as {@code text}. */
  private record Entry(String key, String text, String kind, long count) {
  }

  private CompletionIndex(AnalyzingSuggester suggester) {
    this.suggester = suggester;
  }

  static CompletionIndex build(IndexReader reader, Spellings spellings, EntityWords entityWords) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String[] dim : ENTITY_KINDS) {
      entities(spellings, dim[0], dim[1], entries);
    }
    terms(reader, entityWords, entries);
    AnalyzingSuggester s = new AnalyzingSuggester(new ByteBuffersDirectory(), "completions", folding());
    s.build(new Entries(entries));
    return new CompletionIndex(s);
  }

  /** Up to {@code limit} completions of {@code prefix}, most articles first. */
  List<Completion> lookup(String prefix, int limit) {
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

  /** Each entity once, in its best spelling, found by each word it has from there on. */
  private static void entities(Spellings spellings, String dim, String kind, List<Entry> out) {
    Map<String, Long> counts = new HashMap<>();
    for (LabelAndValue lv : spellings.all(dim)) {
      counts.merge(spellings.best(dim, lv.label), lv.value.longValue(), Long::sum);
    }
    counts.forEach((name, count) -> {
      for (int i = 0; i < name.length(); i++) {
        if (i == 0 || Character.isWhitespace(name.charAt(i - 1)) && !Character.isWhitespace(name.charAt(i))) {
          out.add(new Entry(name.substring(i), name, kind, count));
        }
      }
    });
  }

  /**
   * The {@link #MAX_TERMS} words of the body most articles use (of letters only, three or more),
   * less the words of entity names: "erd" offers "Recep Tayyip Erdoğan", not also "erdoğan".
   */
  private static void terms(IndexReader reader, EntityWords entityWords, List<Entry> out) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, Fields.BODY);
    if (terms == null) {
      return;
    }
    PriorityQueue<Entry> top = new PriorityQueue<>((a, b) -> Long.compare(a.count(), b.count()));
    Map<String, Entry> byKey = new HashMap<>();
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      int df = te.docFreq();
      if (df < MIN_TERM_ARTICLES || t.length < 3 || top.size() == MAX_TERMS && df <= top.peek().count()) {
        continue;
      }
      String word = t.utf8ToString();
      if (!word.codePoints().allMatch(Character::isLetter) || entityWords.spelling(word) != null) {
        continue;
      }
      // "erdoğan" and its folded twin "erdogan" are one word: the spelled one shows.
      String key = EntityWords.key(word);
      Entry seen = byKey.get(key);
      if (seen != null) {
        if (FacetKeys.better(word, df, seen.text(), seen.count())) {
          top.remove(seen);
          Entry e = new Entry(word, word, "term", Math.max(df, seen.count()));
          top.add(e);
          byKey.put(key, e);
        }
        continue;
      }
      Entry e = new Entry(word, word, "term", df);
      top.add(e);
      byKey.put(key, e);
      if (top.size() > MAX_TERMS) {
        byKey.remove(EntityWords.key(top.poll().text()));
      }
    }
    out.addAll(top);
  }

  /** The whole entry as one token, lower case and without accents: prefixes match from its start. */
  private static Analyzer folding() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** The entries as the suggester reads them: key, weight and, as payload, kind and text. */
  private static final class Entries implements InputIterator {
    private final List<Entry> entries;
    private int i = -1;

    Entries(List<Entry> entries) {
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
      Entry e = entries.get(i);
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
