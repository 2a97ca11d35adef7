package org.broadsheet.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.broadsheet.search.SearchResult;

/**
 * Hits as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma,
 * quote or line break, quotes doubled), one row per article under the header
 * {@code id,title,published,people,places,organizations,countries,group}; several values of one
 * column are joined by {@code "; "}. Values are written as they are: a spreadsheet that runs
 * formulas from a cell starting with {@code =} should import the file as text.
 */
final class CsvHitWriter implements HitWriter {
  static final List<String> COLUMNS =
      List.of("id", "title", "published", "people", "places", "organizations", "countries", "group");
  private static final String JOIN = "; ";

  private final SequenceWriter rows;

  CsvHitWriter(OutputStream out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
    COLUMNS.forEach(schema::addColumn);
    CsvMapper mapper = new CsvMapper();
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.getFactory().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING); // quotes only where RFC 4180 needs them
    this.rows = mapper.writerFor(String[].class).with(schema.build()).writeValues(out);
  }

  @Override
  public void accept(SearchResult.Hit h) throws IOException {
    rows.write(new String[] {h.id(), h.title(), h.published() == null ? "" : h.published(),
        String.join(JOIN, h.people()), String.join(JOIN, h.places()), String.join(JOIN, h.organizations()),
        String.join(JOIN, h.countries()), h.group() == null ? "" : h.group()});
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
