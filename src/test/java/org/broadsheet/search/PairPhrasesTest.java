package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.CommonWords;
import org.broadsheet.index.DocumentBuilder;
import org.broadsheet.index.Fields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phrases answered from word pairs find the articles the phrase finds, with its scores to the bit:
 * over random texts with folded spellings, compounds and repeated words, in segments written with
 * the pairs and one written before them, with deletions.
 */
class PairPhrasesTest {
  private static final String[] WORDS = {
      "the", "of", "oil", "price", "prices", "cease-fire", "cease", "fire", "ceasefire", "Erdoğan", "Erdogan",
      "said", "talks", "U.N.", "the", "of", "the", "oil"};
  /** The words as a query's phrase holds them (analysed). */
  private static final String[] TERMS = {
      "the", "of", "oil", "price", "cease", "fire", "ceasefire", "erdoğan", "erdogan", "said", "talks", "u", "n", "un"};

  private static Directory dir;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    Random r = new Random(29);
    FieldType oldBody = new FieldType(TextField.TYPE_NOT_STORED); // the body of schema 8: no pairs beside it
    oldBody.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzer.forIndexing())
        .setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int segment = 0; segment < 4; segment++) {
        boolean oldSchema = segment == 0; // written before the pairs: answered by the phrase itself
        for (int i = 0; i < 150; i++) {
          StringBuilder text = new StringBuilder();
          for (int n = 1 + r.nextInt(60); n > 0; n--) {
            text.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(9) == 0 ? ", " : " ");
          }
          Document doc = new Document();
          doc.add(new StringField(Fields.ID, segment + "-" + i, Field.Store.NO));
          if (oldSchema) {
            doc.add(new Field(Fields.BODY, text.toString(), oldBody));
          } else {
            DocumentBuilder.addBody(doc, text.toString());
          }
          w.addDocument(doc);
        }
        w.commit();
      }
      w.deleteDocuments(new Term(Fields.ID, "2-7"), new Term(Fields.ID, "1-99"), new Term(Fields.ID, "0-3"));
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void twoWordPhrasesFindTheSameArticlesWithTheSameScores() throws IOException {
    int matched = 0;
    int common = 0;
    for (String a : TERMS) {
      for (String b : TERMS) {
        PhraseQuery phrase = new PhraseQuery(Fields.BODY, a, b);
        Query pairs = PairPhrases.rewrite(phrase);
        if (CommonWords.paired(a, b)) {
          assertInstanceOf(PairPhraseQuery.class, pairs);
          common++;
        } else {
          assertEquals(phrase, pairs, "only the pairs of common words are indexed");
        }
        matched += assertSame(phrase, pairs);
      }
    }
    assertTrue(matched > 1_000, "the texts hold the phrases: " + matched);
    assertTrue(common >= 50, "phrases answered from pairs: " + common);
  }

  @Test
  void longerPhrasesAreFilteredByTheirPairs() throws IOException {
    Random r = new Random(31);
    int matched = 0;
    int filtered = 0;
    for (int i = 0; i < 300; i++) {
      String[] words = new String[3 + r.nextInt(2)];
      for (int k = 0; k < words.length; k++) {
        words[k] = TERMS[r.nextInt(r.nextBoolean() ? 3 : TERMS.length)];
      }
      PhraseQuery phrase = new PhraseQuery(Fields.BODY, words);
      Query pairs = PairPhrases.rewrite(phrase);
      boolean commonNeighbours = false;
      for (int k = 1; k < words.length; k++) {
        commonNeighbours |= CommonWords.paired(words[k - 1], words[k]);
      }
      if (commonNeighbours) {
        assertInstanceOf(BooleanQuery.class, pairs);
        filtered++;
      } else {
        assertEquals(phrase, pairs);
      }
      matched += assertSame(phrase, pairs);
    }
    assertTrue(matched > 100, "the texts hold the phrases: " + matched);
    assertTrue(filtered > 50, "phrases filtered by pairs: " + filtered);
  }

  @Test
  void aLongPhraseIsFilteredByAFewPairs() throws IOException {
    String[] words = new String[40];
    java.util.Arrays.fill(words, "the");
    PhraseQuery phrase = new PhraseQuery(Fields.BODY, words);
    BooleanQuery pairs = (BooleanQuery) PairPhrases.rewrite(phrase);
    assertEquals(1 + PairPhrases.MAX_PAIRS, pairs.clauses().size());
    assertSame(phrase, pairs);
  }

  @Test
  void parsedQueriesKeepTheirShape() throws IOException {
    ArchiveQueryParser parser = new ArchiveQueryParser(ArchiveAnalyzer.forQueries());
    for (String q : List.of("\"oil price\"", "\"of the\" OR said", "\"the oil\" -\"oil price\"",
        "(\"said the\" OR erdogan) talks", "\"oil of the\"", "\"Erdoğan said\"", "\"cease-fire talks\"",
        "\"the oil\"~2")) {
      Query parsed = parser.parse(q);
      assertSame(parsed, PairPhrases.rewrite(parsed));
    }
  }

  @Test
  void phrasesWithSlopOrOfOtherFieldsAreLeft() {
    PhraseQuery sloppy = new PhraseQuery(1, Fields.BODY, "oil", "price");
    PhraseQuery title = new PhraseQuery(Fields.TITLE, "oil", "price");
    PhraseQuery gap = new PhraseQuery.Builder().add(new Term(Fields.BODY, "oil"), 0)
        .add(new Term(Fields.BODY, "price"), 2).build();
    for (Query q : List.of(sloppy, title, gap)) {
      assertEquals(q, PairPhrases.rewrite(q));
    }
  }

  /** Same hits in the same order with bit-equal scores, and the same count; returns the count. */
  private static int assertSame(Query expected, Query actual) throws IOException {
    TopDocs e = searcher.search(expected, 1_000);
    TopDocs a = searcher.search(actual, 1_000);
    assertEquals(e.totalHits, a.totalHits, actual.toString());
    assertEquals(e.scoreDocs.length, a.scoreDocs.length, actual.toString());
    List<String> want = new ArrayList<>();
    List<String> got = new ArrayList<>();
    for (int i = 0; i < e.scoreDocs.length; i++) {
      want.add(describe(e.scoreDocs[i]));
      got.add(describe(a.scoreDocs[i]));
    }
    assertEquals(want, got, actual.toString());
    assertEquals(searcher.count(expected), searcher.count(actual), actual.toString());
    return e.scoreDocs.length;
  }

  private static String describe(ScoreDoc d) {
    return d.doc + ":" + Integer.toHexString(Float.floatToIntBits(d.score));
  }

  /**
   * Drill sideways asks a match for its score even when its collector needs none: a pair's scorer
   * made without scores answers rather than fail, as Lucene's own scorers do.
   */
  @Test
  void aScorerMadeWithoutScoresStillAnswersScore() throws IOException {
    Query pairs = searcher.rewrite(PairPhrases.rewrite(new PhraseQuery(Fields.BODY, "oil", "price")));
    org.apache.lucene.search.Weight w = searcher.createWeight(pairs, org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
    int asked = 0;
    for (var leaf : reader.leaves()) {
      org.apache.lucene.search.Scorer scorer = w.scorer(leaf);
      if (scorer != null && scorer.iterator().nextDoc() != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
        assertTrue(Float.isFinite(scorer.score()));
        asked++;
      }
    }
    assertTrue(asked > 0);
  }
}
