package org.broadsheet.index;

import org.apache.lucene.facet.FacetsConfig;

/**
 * Every Lucene field and facet dimension name Broadsheet uses. No other class spells
 * them: indexing, search, the web API and the command line all refer to these constants.
 */
public final class Fields {
  private Fields() {
  }

  /**
   * The index schema: bump whenever fields, facets or analysis change, so an incremental
   * run over an older index rebuilds it (cheaply: extraction results are cached) instead of
   * mixing documents of two schemas. Stored in each commit's user data under {@link #SCHEMA_KEY}.
   */
  public static final String SCHEMA_VERSION = "10";
  public static final String SCHEMA_KEY = "broadsheet.schema";

  // ---- identity and bookkeeping (StringField: exact, not analysed) ----
  /** Article id, {@link org.broadsheet.ingest.ArticleId}: a digest of the file's URI. Indexed for update/delete, stored. */
  public static final String ID = "id";
  /** {@code file:} URI of the root the article was indexed through, indexed: the roots a {@code reindex} walks again. */
  public static final String ROOT = "root";
  /** The file's path as shown to people, stored only. */
  public static final String PATH = "path";
  /** SHA-256 of the file bytes, stored only. */
  public static final String HASH = "hash";

  /**
   * {@link Bookkeeping} (id, file URI, root URI, hash, "size:lastModified") as binary doc values: what a
   * re-index compares, read as one column instead of decompressing every stored block (bodies included),
   * and updated in place when a file is touched but unchanged.
   */
  public static final String BOOKKEEPING = "bookkeeping";

  /**
   * On OpenSearch, the {@link Bookkeeping} is kept as keyword fields of the article's own document
   * (read as doc values, so a re-index does not read the sources): its file's URI and stamp here,
   * the root and hash in {@link #ROOT} and {@link #HASH}.
   */
  public static final String FILE_URI = "file_uri";
  public static final String STAMP = "stamp";

  /**
   * A stable order among articles that tie on everything else: a 64-bit hash of the id, as
   * numeric doc values. Paging cursors ({@code after=}) end on it, so they survive a new reader.
   */
  public static final String ORDER_KEY = "order_key";

  // ---- copies of one story ({@link CopyGroups}) ----
  /** The article's group of copies: StringField (filter by group, stored) and SortedDocValues (collapse). */
  public static final String GROUP = "group";
  /** The MinHash band keys of the text ({@link MinHash#bands}), StringField, not stored: later articles find their copies by them. */
  public static final String COPY_BAND = "copy_band";
  /** When this version of the article was indexed, epoch millis: stored and numeric doc values (first indexed leads a group). */
  public static final String INDEXED = "indexed";

  // ---- full text (analysed) ----
  public static final String TITLE = "title";
  public static final String BODY = "body";
  /**
   * Two words that stand next to each other in {@link #BODY}, as one term "first second"
   * ({@link WordPairFilter}), for the pairs with a common word ({@link CommonWords#paired}):
   * documents and frequencies only, no positions, no norms, not stored. A phrase of two such words
   * is answered from it without reading positions ({@code PairPhraseQuery}).
   */
  public static final String BODY_PAIRS = "body_pairs";
  /**
   * Where the story begins in {@link #BODY}, after the headline and dateline it repeats
   * ({@code Article#bodyStart}): numeric doc values, read by the snippets and the article view.
   */
  public static final String BODY_START = "body_start";

  // ---- metadata ----
  public static final String BYLINE = "byline";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String CONTENT_TYPE = "content_type";
  /** Published time: LongPoint (range filter), NumericDocValues (sort) and stored epoch millis. */
  public static final String PUBLISHED = "published";
  /** Where the published time came from: "metadata", "dateline" or "filename" ({@code DateSource#label}), stored only. */
  public static final String PUBLISHED_FROM = "published_from";

  // ---- entities: searchable (analysed) and stored canonical values ----
  public static final String PERSON = "person";
  public static final String PLACE = "place";
  public static final String ORG = "org";
  /** All mentions with offsets, stored in {@code ExtractionJson}'s form (types "person", "place", ...). */
  public static final String MENTIONS = "mentions";
  /** ISO codes of the countries of the places mentioned, stored (the facet has them too, but hits and exports show them). */
  public static final String COUNTRY = "country";
  /**
   * The mentions as the extractor found them, stored only when corrections ({@link Corrections})
   * changed them: {@link #MENTIONS} then holds the corrected ones. What a rule change rebuilds from,
   * so that dropping a rule restores what was found.
   */
  public static final String EXTRACTED_MENTIONS = "extracted_mentions";
  /**
   * {@code dim:key} ({@link #extractedKey}) of every person, place and organisation as extracted,
   * before corrections: a StringField, not stored, by which a rule change finds the articles it touches.
   */
  public static final String EXTRACTED_KEY = "extracted_key";
  /** Mentioned dates, resolved (yyyy, yyyy-MM or yyyy-MM-dd), stored. */
  public static final String MENTIONED = "mentioned";

  // ---- facet dimensions (SortedSetDocValues facets; see FacetsConfig below) ----
  public static final String FACET_PEOPLE = "people";
  public static final String FACET_PLACES = "places";
  public static final String FACET_ORGS = "organizations";
  public static final String FACET_COUNTRIES = "countries";
  /** Hierarchical: year / month / day. */
  public static final String FACET_PUBLISHED = "published";
  /** Years of dates mentioned in the text. */
  public static final String FACET_MENTIONED = "mentioned";
  /**
   * The collection an article belongs to: the first folder under the root it was indexed through
   * ({@code politics/} of {@code corpus/politics/a.txt}), or the root's own name for files directly
   * in it ({@link CollectionName}). Also stored, for hits.
   */
  public static final String FACET_COLLECTION = "collection";

  /**
   * The field holding the folded keys ({@link FacetKeys#key}) of an entity dimension's
   * values: a StringField, not stored, so selecting "Erdoğan" is one exact term query
   * that also matches articles whose value is spelled "Erdogan".
   */
  public static String facetKey(String dim) {
    return "facetkey_" + dim;
  }

  /**
   * On OpenSearch, the keyword field holding a facet dimension's values as shown (terms
   * aggregations count them): Lucene's facets keep them in one doc-values field of their own, and
   * some dimensions share their name with a stored field ({@link #FACET_PUBLISHED}, {@link #FACET_MENTIONED}).
   */
  public static String facetValues(String dim) {
    return "facet_" + dim;
  }

  /** The term of {@link #EXTRACTED_KEY} for a value of an entity dimension, by its folded key. */
  public static String extractedKey(String dim, String value) {
    return dim + ":" + FacetKeys.key(value);
  }

  /** The dimensions of named entities (people, places, organisations): what entity pages and corrections are about. */
  public static final java.util.List<String> NAMED_DIMS = java.util.List.of(FACET_PEOPLE, FACET_PLACES, FACET_ORGS);

  /** The named-entity dimension of a mention type, or null for dates. */
  public static String dimOf(org.broadsheet.extract.EntityType type) {
    return switch (type) {
      case PERSON -> FACET_PEOPLE;
      case PLACE -> FACET_PLACES;
      case ORGANIZATION -> FACET_ORGS;
      case DATE -> null;
    };
  }

  /** The mention type of a named-entity dimension ({@link #NAMED_DIMS}), or null for any other name. */
  public static org.broadsheet.extract.EntityType typeOf(String dim) {
    return switch (String.valueOf(dim)) {
      case FACET_PEOPLE -> org.broadsheet.extract.EntityType.PERSON;
      case FACET_PLACES -> org.broadsheet.extract.EntityType.PLACE;
      case FACET_ORGS -> org.broadsheet.extract.EntityType.ORGANIZATION;
      default -> null;
    };
  }

  /** Facet dimensions in the order the API returns them. */
  public static final java.util.List<String> FACET_DIMS = java.util.List.of(
      FACET_PEOPLE, FACET_PLACES, FACET_ORGS, FACET_COUNTRIES, FACET_PUBLISHED, FACET_MENTIONED, FACET_COLLECTION);

  /** Facet dimensions whose values are entities (selected by exact value, OR within a dimension). */
  public static final java.util.List<String> ENTITY_FACETS = java.util.List.of(
      FACET_PEOPLE, FACET_PLACES, FACET_ORGS, FACET_COUNTRIES);

  /**
   * The dimensions a search selects values of, each a request parameter of its own ({@code people=...})
   * and a facet list of its own ({@code /api/facets/people}): the entities and the years mentioned.
   * The published date is drilled into by its path instead ({@code published=2024/05}).
   */
  public static final java.util.List<String> FILTER_DIMS = java.util.List.of(
      FACET_PEOPLE, FACET_PLACES, FACET_ORGS, FACET_COUNTRIES, FACET_MENTIONED, FACET_COLLECTION);

  /** The dimensions whose whole value list {@code /api/facets/{dim}} pages through: the entities and the collections. */
  public static final java.util.List<String> LISTED_DIMS = java.util.List.of(
      FACET_PEOPLE, FACET_PLACES, FACET_ORGS, FACET_COUNTRIES, FACET_COLLECTION);

  /** The facet configuration, shared by indexing and search so both agree on each dimension. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : ENTITY_FACETS) {
      config.setMultiValued(dim, true);
    }
    config.setHierarchical(FACET_PUBLISHED, true);
    config.setMultiValued(FACET_MENTIONED, true);
    return config;
  }
}
