package org.broadsheet.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredArticle;

/**
 * Snippets of the story, not of the headline and dateline the text begins with: a
 * {@link UnifiedHighlighter} whose passages start at or after each article's body start
 * ({@link Fields#BODY_START}). Matches before it are not passages (the headline is shown apart);
 * a passage never reaches back over it; and an article whose only matches are in its headline
 * (or that matches only by a field other than the body) shows the body's first sentences.
 * An index written before body starts were kept has none: its snippets start where the text does.
 */
final class BodySnippets {
  private BodySnippets() {
  }

  /**
   * A highlighter for one page of hits; not thread-safe (each search builds its own).
   *
   * @param readerInfos the searcher's merged field infos, made once per reader rather than once per page
   * @param bodies     the stored body of each hit to highlight, by document: already read with the
   *                   hit's other stored fields, so not decompressed a second time
   */
  static UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer queryAnalyzer, FieldInfos readerInfos,
                                        Map<Integer, String> bodies) {
    UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, queryAnalyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)) // escape=true: HTML-safe
        .withScorer(new PassageScores())
        .withMaxLength(200_000);
    return new UnifiedHighlighter(b) {
      {
        fieldInfos = readerInfos; // the field the highlighter would otherwise fill from the reader
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
          throws IOException {
        if (fields.length != 1 || !fields[0].equals(Fields.BODY)) {
          return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
          String body = bodies.get(doc);
          values.add(new CharSequence[] {body == null || body.length() <= getMaxLength() ? body
              : body.substring(0, getMaxLength())});
        }
        return values;
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        FieldOffsetStrategy strategy = super.getOffsetStrategy(source, components);
        return source == OffsetSource.POSTINGS && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
            ? new OneWeightPerPage(strategy, components, searcher.getIndexReader())
            : strategy;
      }

      @Override
      protected FieldHighlighter newFieldHighlighter(String field, FieldOffsetStrategy offsets, BreakIterator breaks,
                                                     PassageScorer scorer, int maxPassages, int maxNoHighlight,
                                                     PassageFormatter formatter, Comparator<Passage> order) {
        return new FromBodyStart(field, offsets, breaks, scorer, maxPassages, maxNoHighlight, formatter, order);
      }
    };
  }

  /** The field highlighter: knows the body start of the document it is highlighting. */
  private static final class FromBodyStart extends FieldHighlighter {
    private final Bounded bounded;

    FromBodyStart(String field, FieldOffsetStrategy offsets, BreakIterator breaks, PassageScorer scorer,
                  int maxPassages, int maxNoHighlight, PassageFormatter formatter, Comparator<Passage> order) {
      this(field, offsets, new Bounded(new RememberedBreaks(breaks)), scorer, maxPassages, maxNoHighlight, formatter,
          order);
    }

    private FromBodyStart(String field, FieldOffsetStrategy offsets, Bounded breaks, PassageScorer scorer,
                          int maxPassages, int maxNoHighlight, PassageFormatter formatter, Comparator<Passage> order) {
      super(field, offsets, breaks, scorer, maxPassages, maxNoHighlight, formatter, order);
      this.bounded = breaks;
    }

    @Override
    public Object highlightFieldForDoc(LeafReader reader, int docId, String content) throws IOException {
      bounded.bodyStart = Math.min(bodyStart(reader, docId), content.length());
      return super.highlightFieldForDoc(reader, docId, content);
    }

    @Override
    protected Passage[] highlightOffsetsEnums(OffsetsEnum off) throws IOException {
      return super.highlightOffsetsEnums(new AfterOffset(off, bounded.bodyStart));
    }

    /** The first sentences from the body start, for a document with no match in its body. */
    @Override
    protected Passage[] getSummaryPassagesNoHighlight(int maxPassages) {
      List<Passage> passages = new ArrayList<>();
      int end = breakIterator.getText().getEndIndex();
      int pos = bounded.bodyStart;
      while (passages.size() < maxPassages && pos < end) {
        int next = breakIterator.following(pos);
        if (next == BreakIterator.DONE || next <= pos) {
          break;
        }
        Passage p = new Passage();
        p.setStartOffset(pos);
        p.setEndOffset(next);
        passages.add(p);
        pos = next;
      }
      return passages.toArray(new Passage[0]);
    }
  }

  /**
   * The matches of each document from one {@link Weight} made for the page. Lucene's own strategy
   * rewrites the query and makes a weight for every document it highlights (looking every term
   * up in the term dictionary each time); the matches are the same.
   */
  private static final class OneWeightPerPage extends FieldOffsetStrategy {
    private final FieldOffsetStrategy lucenes;
    private final IndexReader reader;
    private Weight weight;

    OneWeightPerPage(FieldOffsetStrategy lucenes, UHComponents components, IndexReader reader) {
      super(components);
      this.lucenes = lucenes;
      this.reader = reader;
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
      return lucenes.getOffsetSource();
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader leaf, int docId, String content) throws IOException {
      LeafReaderContext context = contextOf(leaf);
      if (context == null) {
        return lucenes.getOffsetsEnum(leaf, docId, content); // not a leaf of the page's reader
      }
      if (leaf.terms(getField()) == null) {
        return OffsetsEnum.EMPTY;
      }
      Matches matches = weight().matches(context, docId);
      if (matches == null) {
        return OffsetsEnum.EMPTY;
      }
      List<OffsetsEnum> found = new ArrayList<>();
      for (String field : matches) {
        if (components.fieldMatcher().test(field)) {
          MatchesIterator it = matches.getMatches(field);
          if (it != null) {
            found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
          }
        }
      }
      return switch (found.size()) {
        case 0 -> OffsetsEnum.EMPTY;
        case 1 -> found.get(0);
        default -> new OffsetsEnum.MultiOffsetsEnum(found);
      };
    }

    /** The query's weight for matches only, without the query cache, as Lucene's strategy makes it. */
    private Weight weight() throws IOException {
      if (weight == null) {
        IndexSearcher matcher = new IndexSearcher(reader);
        matcher.setQueryCache(null);
        weight = matcher.rewrite(components.query()).createWeight(matcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
      }
      return weight;
    }

    /** The leaf's context in the page's reader, whose term states the weight holds. */
    private LeafReaderContext contextOf(LeafReader leaf) {
      for (LeafReaderContext c : reader.leaves()) {
        if (c.reader() == leaf) {
          return c;
        }
      }
      return null;
    }
  }

  /** {@link Fields#BODY_START} of a document ({@link StoredArticle#bodyStart}). */
  static int bodyStart(LeafReader reader, int docId) throws IOException {
    return StoredArticle.bodyStart(reader, docId);
  }

  /** The matches of a document from {@code from} on. */
  private static final class AfterOffset extends OffsetsEnum {
    private final OffsetsEnum in;
    private final int from;

    AfterOffset(OffsetsEnum in, int from) {
      this.in = in;
      this.from = from;
    }

    @Override
    public boolean nextPosition() throws IOException {
      while (in.nextPosition()) {
        if (in.startOffset() >= from) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int freq() throws IOException {
      return in.freq();
    }

    @Override
    public BytesRef getTerm() throws IOException {
      return in.getTerm();
    }

    @Override
    public int startOffset() throws IOException {
      return in.startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return in.endOffset();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Sentences, with the body start as one more boundary: a passage around a match in the first
   * sentence of the story starts with the story, not with the headline the sentence iterator
   * runs it into ("Kelley Oil Buys ... HOUSTON, June 18 - Kelley Oil said").
   */
  private static final class Bounded extends BreakIterator {
    private final BreakIterator in;
    int bodyStart;

    Bounded(BreakIterator in) {
      this.in = in;
    }

    @Override
    public int preceding(int offset) {
      int p = in.preceding(offset);
      return offset > bodyStart && (p == DONE || p < bodyStart) ? bodyStart : p;
    }

    @Override
    public int following(int offset) {
      int f = in.following(offset);
      return offset < bodyStart && (f == DONE || f > bodyStart) ? bodyStart : f;
    }

    @Override
    public int first() {
      return in.first();
    }

    @Override
    public int last() {
      return in.last();
    }

    @Override
    public int next(int n) {
      return in.next(n);
    }

    @Override
    public int next() {
      return in.next();
    }

    @Override
    public int previous() {
      return in.previous();
    }

    @Override
    public int current() {
      return in.current();
    }

    @Override
    public boolean isBoundary(int offset) {
      return offset == bodyStart || in.isBoundary(offset);
    }

    @Override
    public CharacterIterator getText() {
      return in.getText();
    }

    @Override
    public void setText(CharacterIterator text) {
      in.setText(text);
    }

    @Override
    public void setText(String text) {
      in.setText(text);
    }
  }
}
