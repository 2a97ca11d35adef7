package org.broadsheet.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.DocumentBuilder;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;

/** Builds small test indexes from hand-written articles and extractions, as the indexer would. */
final class TestArchive {
  private TestArchive() {
  }

  /** One article to index with its (hand-made) entities. */
  record Doc(Article article, Extraction extraction) {
  }

  static Doc doc(String id, String title, String body, String published, Mention... mentions) {
    Instant when = published == null ? null : Instant.parse(published.length() == 10 ? published + "T12:00:00Z" : published);
    String text = title.isEmpty() ? body : title + "\n\n" + body;
    // The text repeats the headline, as a wire story's does; the story begins after it.
    Article a = new Article(id, "/archive/" + id, title, text, when, when == null ? null : DateSource.METADATA,
        null, "Test Wire", "en", "text/plain",
        Integer.toHexString(text.hashCode()), title.isEmpty() || body.isEmpty() ? 0 : title.length() + 2);
    return new Doc(a, new Extraction(List.of(mentions)));
  }

  static Mention person(String name) {
    return new Mention(EntityType.PERSON, name, 0, name.length(), name, null, null);
  }

  static Mention place(String name, String country) {
    return new Mention(EntityType.PLACE, name, 0, name.length(), name, null, country);
  }

  static Mention org(String name) {
    return new Mention(EntityType.ORGANIZATION, name, 0, name.length(), name, null, null);
  }

  static Mention date(String value) {
    return new Mention(EntityType.DATE, value, 0, value.length(), value, value, null);
  }

  /** Writes (adds or replaces by id) these documents into the index at {@code root} and commits. */
  static IndexLayout write(Path root, List<Doc> docs) throws IOException {
    IndexLayout layout = new IndexLayout(root);
    DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig());
    try (Directory dir = FSDirectory.open(layout.lucene());
         IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ArchiveAnalyzer.forIndexing()))) {
      for (Doc d : docs) {
        w.updateDocument(new Term(Fields.ID, d.article().id()),
            builder.build(d.article(), d.extraction(), new org.broadsheet.index.Bookkeeping(d.article().id(),
                root.resolve(d.article().id()).toUri().toString(), root.toUri().toString(), "0", "0:0")));
      }
      w.commit();
    }
    return layout;
  }

  static ArchiveSearcher open(Path root, List<Doc> docs) throws IOException {
    return new ArchiveSearcher(write(root, docs));
  }

  static List<String> ids(SearchResult r) {
    List<String> ids = new ArrayList<>();
    r.hits().forEach(h -> ids.add(h.id()));
    return ids;
  }

  static SearchRequest query(String q) {
    return SearchRequest.of(q).withSize(SearchRequest.MAX_SIZE);
  }
}
