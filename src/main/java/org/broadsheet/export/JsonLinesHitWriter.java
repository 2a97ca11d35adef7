package org.broadsheet.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.broadsheet.search.SearchResult;

/**
 * Hits as JSON Lines: one object per line, the fields of a search hit without {@code snippet}
 * (there is no page to show it on) or {@code copies} (an export lists the copies themselves: count
 * the rows of a {@code group}).
 */
final class JsonLinesHitWriter implements HitWriter {
  private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final ObjectMapper mapper;

  JsonLinesHitWriter(OutputStream out, ObjectMapper mapper) {
    this.out = out;
    this.mapper = mapper.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public void accept(SearchResult.Hit h) throws IOException {
    ObjectNode row = mapper.valueToTree(h); // the mapper's rules (the API's: path or not) apply
    row.remove("snippet");
    row.remove("copies");
    out.write(mapper.writeValueAsBytes(row));
    out.write(NEWLINE);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
