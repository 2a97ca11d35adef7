package org.broadsheet.cli;

import java.nio.file.Path;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.search.SearchSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which engine holds the index: the embedded one in the index folder, or an OpenSearch cluster. */
public final class EngineOptions {
  @Option(names = "--opensearch", paramLabel = "URL", description = {
      "Keep the index on this OpenSearch cluster instead of the index folder, e.g.",
      "http://127.0.0.1:9200/broadsheet (the last path segment is the index name; default broadsheet).",
      "Credentials from the environment: " + OpenSearchTarget.AUTH_VARIABLE + "=user:password."})
  String opensearch;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** The archive at {@code index}, on the cluster when {@code --opensearch} is given. */
  Broadsheet open(Path index, IndexSettings settings, ParserLimits limits, SearchSettings search) {
    OpenSearchTarget cluster = target();
    return cluster == null
        ? Broadsheet.open(index, settings, limits, search)
        : Broadsheet.open(index, cluster, settings, limits, search);
  }

  Broadsheet open(Path index) {
    return open(index, IndexSettings.defaults(), ParserLimits.DEFAULT, SearchSettings.defaults());
  }

  /** The cluster given, or null for the index folder. */
  OpenSearchTarget target() {
    if (opensearch == null) {
      return null;
    }
    try {
      return OpenSearchTarget.parse(opensearch);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--opensearch: " + e.getMessage());
    }
  }
}
