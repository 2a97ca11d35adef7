package org.broadsheet.index;

import java.io.IOException;
import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.broadsheet.extract.Extraction;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;

/**
 * An indexed document read back as what {@link DocumentBuilder} was given: the {@link Article}
 * from the stored fields, the {@link Extraction} as extracted (before corrections) and the
 * {@link Bookkeeping} column, and its place among copies ({@link CopyMark}: the stored group and
 * indexing time, the signature recomputed from the stored text). Rebuilding a document from these
 * needs neither its file nor NER, and keeps its group and where its story starts.
 */
public record StoredArticle(Article article, Extraction extraction, Bookkeeping bookkeeping, CopyMark copies) {

  /** Document {@code doc} of {@code leaf}. @throws IllegalStateException for a document of another schema */
  public static StoredArticle read(LeafReader leaf, int doc) throws IOException {
    Document d = leaf.storedFields().document(doc);
    Bookkeeping file = Bookkeeping.of(leaf, doc);
    if (file == null) {
      throw new IllegalStateException("document " + d.get(Fields.ID) + " has no bookkeeping (an older schema)");
    }
    var published = d.getField(Fields.PUBLISHED);
    Instant when = published == null || published.numericValue() == null ? null
        : Instant.ofEpochMilli(published.numericValue().longValue());
    DateSource from = when == null ? null : DateSource.ofLabel(d.get(Fields.PUBLISHED_FROM));
    if (when != null && from == null) {
      from = DateSource.METADATA; // not recorded by an older Broadsheet: the date stays, said to be the file's
    }
    Article a = new Article(d.get(Fields.ID), d.get(Fields.PATH), d.get(Fields.TITLE), d.get(Fields.BODY), when, from,
        d.get(Fields.BYLINE), d.get(Fields.SOURCE), d.get(Fields.LANGUAGE), d.get(Fields.CONTENT_TYPE),
        d.get(Fields.HASH), bodyStart(leaf, doc));
    String extracted = d.get(Fields.EXTRACTED_MENTIONS);
    Extraction x = new Extraction(StoredMentions.read(extracted != null ? extracted : d.get(Fields.MENTIONS)));
    var indexed = d.getField(Fields.INDEXED);
    String group = d.get(Fields.GROUP);
    MinHash signature = MinHash.ofArticle(a.title(), a.text());
    CopyMark copies = group == null || indexed == null || indexed.numericValue() == null
        ? CopyMark.alone(a.id(), a.contentHash(), signature, System.currentTimeMillis())
        : new CopyMark(group, indexed.numericValue().longValue(), signature);
    return new StoredArticle(a, x, file, copies);
  }

  /**
   * {@link Fields#BODY_START} of a document: where its story starts after the headline and dateline;
   * 0 when it has none (an index of an older schema).
   */
  public static int bodyStart(LeafReader leaf, int doc) throws IOException {
    org.apache.lucene.index.NumericDocValues starts = leaf.getNumericDocValues(Fields.BODY_START);
    return starts != null && starts.advanceExact(doc) ? (int) Math.max(0, starts.longValue()) : 0;
  }
}
