package org.broadsheet.search;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredMentions;

/** One article in full by its id: stored text with its paragraphs, entities with offsets and related articles. */
final class ArticleReader {
  private final RelatedArticles related;

  ArticleReader(RelatedArticles related) {
    this.related = related;
  }

  Optional<ArticleView> read(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int docId = top.scoreDocs[0].doc;
    Document d = searcher.storedFields().document(docId);
    String text = d.get(Fields.BODY);
    int bodyStart = Math.min(bodyStart(searcher, docId), text.length());
    return Optional.of(new ArticleView(d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE),
        StoredValues.published(d), d.get(Fields.PUBLISHED_FROM), d.get(Fields.BYLINE), d.get(Fields.SOURCE),
        d.get(Fields.LANGUAGE), text, bodyStart, Paragraphs.of(text, bodyStart),
        StoredMentions.read(d.get(Fields.MENTIONS)),
        StoredValues.values(d, Fields.PERSON), StoredValues.values(d, Fields.PLACE),
        StoredValues.values(d, Fields.ORG), StoredValues.values(d, Fields.MENTIONED),
        related.of(searcher, docId, d)));
  }

  private static int bodyStart(IndexSearcher searcher, int docId) throws IOException {
    LeafReaderContext leaf = searcher.getIndexReader().leaves()
        .get(ReaderUtil.subIndex(docId, searcher.getIndexReader().leaves()));
    return BodySnippets.bodyStart(leaf.reader(), docId - leaf.docBase);
  }
}
