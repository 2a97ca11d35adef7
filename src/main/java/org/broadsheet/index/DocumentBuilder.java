package org.broadsheet.index;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.ingest.Article;

/**
 * Turns an {@link Article} and its {@link Extraction} into a Lucene document: the one place that
 * does, so every field comes along whether a document is built by the indexer or rebuilt by
 * {@link DocumentRewriter}. The extraction is first put through the {@link Corrections} (the
 * people's entity rules); what was extracted is kept too, so a changed rule can be applied again.
 */
public final class DocumentBuilder {
  /**
   * Body text, indexed (and stored beside it, for snippets and the article view) with offsets in the
   * postings so the UnifiedHighlighter finds passages without analysing the text again (faster
   * snippets for a somewhat larger index).
   */
  static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
  }

  /** Word pairs of the body ({@link Fields#BODY_PAIRS}): matched, counted, never positioned, scored by the body's norms. */
  static final FieldType PAIRS_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    PAIRS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    PAIRS_TYPE.setOmitNorms(true);
    PAIRS_TYPE.freeze();
  }

  private static final Analyzer BODY_ANALYZER = ArchiveAnalyzer.forIndexingEachText();

  private final FacetsConfig facets;
  private final Corrections corrections;

  /**
   * Adds the fields of an article's body text: stored, indexed with offsets, and the pairs of its
   * words with a common word ({@link Fields#BODY_PAIRS}). The text is analysed once: its words are noted as the
   * body is indexed and the pairs are made from the notes, so the body is written before its pairs,
   * as the order of the fields here has it.
   */
  public static void addBody(Document doc, String text) {
    RecordedWords words = new RecordedWords();
    doc.add(new StoredField(Fields.BODY, text));
    doc.add(new Field(Fields.BODY, words.recording(BODY_ANALYZER.tokenStream(Fields.BODY, text)), BODY_TYPE));
    doc.add(new Field(Fields.BODY_PAIRS, new WordPairFilter(words.replay()), PAIRS_TYPE));
  }

  /** A builder that applies no corrections. */
  public DocumentBuilder(FacetsConfig facets) {
    this(facets, Corrections.NONE);
  }

  /** @param corrections applied to each extraction before it becomes fields and facets */
  public DocumentBuilder(FacetsConfig facets, Corrections corrections) {
    this.facets = facets;
    this.corrections = corrections;
  }

  /**
   * The document of an article in a group of its own, indexed now: for tests and tools that write
   * documents without an indexing run's {@link CopyGroups}.
   */
  public Document build(Article a, Extraction extracted, Bookkeeping file) throws IOException {
    return build(a, extracted, file, CopyMark.alone(a.id(), a.contentHash(), MinHash.ofArticle(a.title(), a.text()),
        System.currentTimeMillis()));
  }

  /**
   * @param file   what the index keeps of the article's file, for the next incremental run; also
   *               where its collection comes from ({@link CollectionName})
   * @param copies its group of copies and when it was indexed; a document rebuilt from stored values
   *               passes the stored {@link Fields#GROUP} and {@link Fields#INDEXED} with {@code MinHash.ofArticle(title, body)}
   */
  public Document build(Article a, Extraction extracted, Bookkeeping file, CopyMark copies) throws IOException {
    Extraction x = corrections.apply(extracted);
    Document doc = new Document();
    // StringField: exact terms to update and delete by, never analysed.
    doc.add(new StringField(Fields.ID, a.id(), Field.Store.YES));
    doc.add(new NumericDocValuesField(Fields.ORDER_KEY, orderKey(a.id())));
    doc.add(new StringField(Fields.GROUP, copies.group(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.GROUP, new BytesRef(copies.group())));
    for (String band : copies.signature().bands()) {
      doc.add(new StringField(Fields.COPY_BAND, band, Field.Store.NO));
    }
    doc.add(new StoredField(Fields.INDEXED, copies.indexed()));
    doc.add(new NumericDocValuesField(Fields.INDEXED, copies.indexed()));
    String collection = CollectionName.of(file);
    if (collection != null) {
      doc.add(new StoredField(Fields.FACET_COLLECTION, collection));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_COLLECTION, collection));
    }
    doc.add(new StringField(Fields.ROOT, file.root(), Field.Store.NO));
    doc.add(new StoredField(Fields.PATH, a.path()));
    doc.add(new StoredField(Fields.HASH, a.contentHash()));
    doc.add(new BinaryDocValuesField(Fields.BOOKKEEPING, file.encode()));

    doc.add(new TextField(Fields.TITLE, a.title(), Field.Store.YES));
    addBody(doc, a.text());
    doc.add(new NumericDocValuesField(Fields.BODY_START, a.bodyStart()));
    storeIfPresent(doc, Fields.BYLINE, a.byline());
    storeIfPresent(doc, Fields.SOURCE, a.source());
    storeIfPresent(doc, Fields.LANGUAGE, a.language());
    storeIfPresent(doc, Fields.CONTENT_TYPE, a.contentType());

    if (a.published() != null) {
      long millis = a.published().toEpochMilli();
      doc.add(new LongPoint(Fields.PUBLISHED, millis));            // range filters
      doc.add(new NumericDocValuesField(Fields.PUBLISHED, millis)); // sort by date, histogram
      doc.add(new StoredField(Fields.PUBLISHED, millis));
      doc.add(new StoredField(Fields.PUBLISHED_FROM, a.publishedFrom().label()));
      ZonedDateTime t = a.published().atZone(ZoneOffset.UTC);
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_PUBLISHED,
          String.format("%04d", t.getYear()), String.format("%02d", t.getMonthValue()),
          String.format("%02d", t.getDayOfMonth())));
    }

    addEntities(doc, x, EntityType.PERSON, Fields.PERSON, Fields.FACET_PEOPLE);
    addEntities(doc, x, EntityType.PLACE, Fields.PLACE, Fields.FACET_PLACES);
    addEntities(doc, x, EntityType.ORGANIZATION, Fields.ORG, Fields.FACET_ORGS);
    for (String code : x.countries()) {
      doc.add(new StoredField(Fields.COUNTRY, code));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_COUNTRIES, code));
      doc.add(new StringField(Fields.facetKey(Fields.FACET_COUNTRIES), FacetKeys.key(code), Field.Store.NO));
    }
    java.util.Set<String> years = new java.util.TreeSet<>();
    for (String date : x.canonical(EntityType.DATE)) {
      doc.add(new StoredField(Fields.MENTIONED, date));
      years.add(date.substring(0, 4));
    }
    for (String year : years) {
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_MENTIONED, year));
    }
    if (!x.mentions().isEmpty()) {
      doc.add(new StoredField(Fields.MENTIONS, StoredMentions.write(x.mentions())));
    }
    if (!x.equals(extracted)) {
      doc.add(new StoredField(Fields.EXTRACTED_MENTIONS, StoredMentions.write(extracted.mentions())));
    }
    addExtractedKeys(doc, extracted);
    return facets.build(doc);
  }

  /**
   * Each canonical value: searchable (analysed TextField), stored for hits, a facet value,
   * and its folded {@link FacetKeys#key} as an exact StringField. Selecting a facet value
   * filters on the key, so it matches every spelling ("Erdogan", "Erdoğan"). Spellings
   * of one key within an article are reduced to the best one, so an article counts once
   * per key and the search side can merge the counts of spellings by simple addition.
   */
  private static void addEntities(Document doc, Extraction x, EntityType type, String field, String dim) {
    java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
    for (String value : x.canonical(type)) {
      byKey.merge(FacetKeys.key(value), value.strip(), (a, b) -> FacetKeys.better(b, 1, a, 1) ? b : a);
    }
    for (java.util.Map.Entry<String, String> e : byKey.entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      doc.add(new TextField(field, e.getValue(), Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(dim, e.getValue()));
      doc.add(new StringField(Fields.facetKey(dim), e.getKey(), Field.Store.NO));
    }
  }

  /** {@link Fields#ORDER_KEY} of an id: a 64-bit FNV-1a hash, the same in every run. */
  public static long orderKey(String id) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }

  /** The keys of the values as extracted, before corrections: what a rule change looks articles up by. */
  private static void addExtractedKeys(Document doc, Extraction extracted) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (org.broadsheet.extract.Mention m : extracted.mentions()) {
      String dim = Fields.dimOf(m.type());
      String value = m.name();
      if (dim != null && value != null && !FacetKeys.key(value).isEmpty()) {
        keys.add(Fields.extractedKey(dim, value));
      }
    }
    for (String k : keys) {
      doc.add(new StringField(Fields.EXTRACTED_KEY, k, Field.Store.NO));
    }
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StoredField(field, value));
    }
  }
}
