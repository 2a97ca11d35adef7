package org.broadsheet.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Set;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.Fields;

/**
 * {@code GET /api/entities/{dim}/{value}}: one entity's page, optionally within a query and filters
 * (the search parameters less sort and paging; exclusions and collapse apply). A value no article has is a 404.
 */
public final class EntityController {
  /** The parameters an entity page accepts; any other is a 400. */
  static final Set<String> ENTITY_PARAMS = Set.copyOf(SearchController.SEARCH_PARAMS.stream()
      .filter(p -> !Set.of("sort", "page", "size", "after", "exact").contains(p)).toList());
  /** Longest value accepted: longer than any name, and it is folded and looked up. */
  private static final int MAX_VALUE_LENGTH = 300;

  private final Broadsheet archive;

  public EntityController(Broadsheet archive) {
    this.archive = archive;
  }

  public void entity(Context ctx) throws IOException {
    SearchController.checkParams(ctx, ENTITY_PARAMS);
    String dim = ctx.pathParam("dim");
    if (!Fields.NAMED_DIMS.contains(dim)) {
      throw new BadRequestResponse("unknown entity dimension '" + dim + "'; use one of "
          + String.join(", ", Fields.NAMED_DIMS));
    }
    String value = ctx.pathParam("value");
    if (value.isBlank() || value.length() > MAX_VALUE_LENGTH || value.indexOf('\0') >= 0) {
      throw new BadRequestResponse("an entity value must be 1 to " + MAX_VALUE_LENGTH + " characters");
    }
    ctx.json(archive.entity(SearchController.request(ctx), dim, value)
        .orElseThrow(() -> new NotFoundResponse("no " + dim + " value '" + value + "' in the archive")));
  }
}
