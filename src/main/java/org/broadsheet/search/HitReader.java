package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.broadsheet.index.Fields;

/** One page of hits as results: stored fields plus a highlighted snippet of the story ({@link BodySnippets}). */
final class HitReader {
  /** Passages of the body per snippet: enough to show the words in context, short enough to scan. */
  private static final int SNIPPET_PASSAGES = 2;

  private final Analyzer queryAnalyzer;
  /** The merged field infos of the last reader read from, which the highlighter needs for every page. */
  private volatile ReaderInfos infos;

  private record ReaderInfos(IndexReader reader, FieldInfos fieldInfos) {
  }

  /** @param queryAnalyzer the analyzer queries are parsed with, so the highlighter marks what matched */
  HitReader(Analyzer queryAnalyzer) {
    this.queryAnalyzer = queryAnalyzer;
  }

  List<SearchResult.Hit> read(IndexSearcher searcher, Query query, List<GroupedHits.Hit> page, long total)
      throws IOException {
    if (page.isEmpty()) {
      return List.of();
    }
    // Each hit's stored fields are read (decompressed) once, for the hit and for its snippet.
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[page.size()];
    Map<Integer, String> bodies = HashMap.newHashMap(page.size());
    for (int i = 0; i < page.size(); i++) {
      docs[i] = stored.document(page.get(i).doc());
      bodies.put(page.get(i).doc(), docs[i].get(Fields.BODY));
    }
    String[] snippets = snippets(searcher, query, page, total, bodies);
    List<SearchResult.Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      GroupedHits.Hit h = page.get(i);
      hits.add(hit(docs[i], h.score(), snippets[i] == null ? "" : snippets[i].strip(), h.copies()));
    }
    return hits;
  }

  /** A hit from its stored document, without a snippet: what an export writes. */
  static SearchResult.Hit hit(Document d, float score, String snippet, long copies) {
    return new SearchResult.Hit(d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE),
        StoredValues.published(d), d.get(Fields.PUBLISHED_FROM), d.get(Fields.BYLINE), d.get(Fields.SOURCE),
        Float.isNaN(score) ? 0f : score, snippet,
        StoredValues.values(d, Fields.PERSON), StoredValues.values(d, Fields.PLACE),
        StoredValues.values(d, Fields.ORG), StoredValues.values(d, Fields.COUNTRY),
        StoredValues.values(d, Fields.MENTIONED), d.get(Fields.FACET_COLLECTION), d.get(Fields.GROUP), copies);
  }

  private String[] snippets(IndexSearcher searcher, Query query, List<GroupedHits.Hit> page, long total,
                            Map<Integer, String> bodies) throws IOException {
    UnifiedHighlighter highlighter = BodySnippets.highlighter(searcher, queryAnalyzer,
        fieldInfos(searcher.getIndexReader()), bodies);
    ScoreDoc[] docs = new ScoreDoc[page.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = new ScoreDoc(page.get(i).doc(), page.get(i).score());
    }
    TopDocs pageDocs = new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), docs);
    Query marked = BodyMatches.of(query);
    return highlighter.highlight(Fields.BODY, marked == null ? query : marked, pageDocs, SNIPPET_PASSAGES);
  }

  private FieldInfos fieldInfos(IndexReader reader) {
    ReaderInfos cached = infos;
    if (cached == null || cached.reader() != reader) {
      cached = new ReaderInfos(reader, FieldInfos.getMergedFieldInfos(reader));
      infos = cached;
    }
    return cached.fieldInfos();
  }
}
