/**
 * Index: {@code Fields} (every field and facet name, defined once), the analyzer, the Lucene
 * document of an article, and {@code ArchiveIndexer}, which brings the index up to date with the
 * paths given, incrementally, with {@code Deletions} deciding what leaves it.
 */
package org.broadsheet.index;
