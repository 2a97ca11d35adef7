package org.broadsheet.engine;

import java.nio.file.Path;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchSettings;

/** The engine contract on the embedded Lucene index. */
class LuceneEngineContractTest extends EngineContract {
  @Override
  Broadsheet open(Path indexDir) {
    return Broadsheet.open(indexDir, IndexSettings.defaults(), ParserLimits.DEFAULT, SearchSettings.defaults(), ENTITIES);
  }
}
