/**
 * Index: {@code Fields} (every field and facet name, defined once), the analyzer, the Lucene
 * document of an article, and {@code ArchiveIndexer}, which brings the index up to date with the
 * paths given, incrementally, with {@code Deletions} deciding what leaves it. People's corrections
 * of entities ({@code EntityRules}, kept in {@code RulesFile}) reach every document through
 * {@code DocumentBuilder}; {@code EntityCorrections} (each engine's: {@code LuceneCorrections} for
 * this index) changes them and {@code DocumentRewriter} rebuilds the documents a change touches
 * from what the index stores ({@code StoredArticle}).
 * At the end of a run that changed something, {@code AliasDerivation} gathers the archive's
 * statistics ({@code ArchiveStatistics}) and rebuilds the documents whose archive-wide aliases
 * ({@code DerivedAliases}, kept in {@code DerivedAliasesFile}) changed; {@code ArchiveCorrections}
 * applies those aliases, then the people's rules.
 */
package org.broadsheet.index;
