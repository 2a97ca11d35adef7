/**
 * Ingest: which files there are under the paths given ({@code CorpusWalker}), what an article is
 * called ({@code ArticleId}: its file), and how one file is read into an {@code Article} with Tika:
 * its charset, text, title, published date and where that came from, byline, source and language.
 * A file that is not indexed is a typed {@code SkippedFileException}, one subclass per kind.
 */
package org.broadsheet.ingest;
