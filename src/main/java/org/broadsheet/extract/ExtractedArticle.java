package org.broadsheet.extract;

import org.broadsheet.ingest.Article;

/** An article with the entities found in it, before it is indexed. */
public record ExtractedArticle(Article article, Extraction extraction) {
}
