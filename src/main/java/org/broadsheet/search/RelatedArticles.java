package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * Up to {@link #RELATED} articles about the same story: those sharing the most distinctive words
 * of this one's title and body (MoreLikeThis: tf-idf picks the words, so "said" and "the" do not
 * count) and, weighted more, the same people, places and organisations (by folded key, so
 * spelling variants count as shared). Never a copy of the article itself (its group of copies).
 */
public final class RelatedArticles {
  /** Related articles shown with one article. */
  public static final int RELATED = 5;
  /**
   * Weight of a shared person, place or organisation (a BM25 term on its key, so rare
   * entities count most) against the MoreLikeThis words, whose weights are scaled to at
   * most 1. At 1 a rare shared entity counts about as much as a strongly distinctive
   * word, so neither coarse entity tags nor common vocabulary alone decide.
   */
  private static final float RELATED_ENTITY_BOOST = 1f;
  /** Stored entity field → the dimension whose folded keys are indexed for it. */
  private static final Map<String, String> ENTITY_KEYS = Map.of(Fields.PERSON, Fields.FACET_PEOPLE,
      Fields.PLACE, Fields.FACET_PLACES, Fields.ORG, Fields.FACET_ORGS);

  private final Analyzer indexAnalyzer;

  /** @param indexAnalyzer the analyzer articles were indexed with: MoreLikeThis re-analyses stored text */
  RelatedArticles(Analyzer indexAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
  }

  /** The articles related to {@code d}, the stored document of {@code docId}. */
  List<ArticleView.Related> of(IndexSearcher searcher, int docId, Document d) throws IOException {
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    Query words = words(searcher.getIndexReader(), docId);
    if (words != null) {
      like.add(words, BooleanClause.Occur.SHOULD);
    }
    for (var e : ENTITY_KEYS.entrySet()) {
      for (String value : d.getValues(e.getKey())) {
        // BM25 on the key field: a rare shared entity counts for more than "United States".
        Query entity = new TermQuery(new Term(Fields.facetKey(e.getValue()), FacetKeys.key(value)));
        like.add(new BoostQuery(entity, RELATED_ENTITY_BOOST), BooleanClause.Occur.SHOULD);
      }
    }
    like.add(new TermQuery(new Term(Fields.ID, d.get(Fields.ID))), BooleanClause.Occur.MUST_NOT);
    String group = d.get(Fields.GROUP);
    if (group != null) {
      // A copy of this article is not a related article: it is the same one.
      like.add(new TermQuery(new Term(Fields.GROUP, group)), BooleanClause.Occur.MUST_NOT);
    }
    BooleanQuery q = like.build();
    if (q.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      return List.of(); // nothing to be alike in
    }
    TopDocs top = searcher.search(q, RELATED);
    StoredFields stored = searcher.storedFields();
    List<ArticleView.Related> related = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document r = stored.document(sd.doc, Set.of(Fields.ID, Fields.TITLE, Fields.PUBLISHED));
      related.add(new ArticleView.Related(r.get(Fields.ID), r.get(Fields.TITLE), StoredValues.published(r)));
    }
    return related;
  }

  /** The distinctive words of one article as a query, or null when it has none. */
  private Query words(IndexReader reader, int docId) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(indexAnalyzer);
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
    mlt.setStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    mlt.setMinWordLen(3);
    // A word only this article has cannot relate it to another; news articles are short,
    // so one occurrence of a rare word is already a signal.
    mlt.setMinDocFreq(2);
    mlt.setMinTermFreq(1);
    mlt.setMaxQueryTerms(25);
    mlt.setBoost(true); // weigh each word by its tf-idf, not all alike
    Query q = mlt.like(docId);
    return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
  }
}
