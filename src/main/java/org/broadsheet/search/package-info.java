/**
 * Search: the query language (parsed by small rules: lexing, rewriting, limits, fields, compound
 * words), drill-sideways facets, snippets, the date timeline, related articles and one article in
 * full, behind {@code ArchiveSearcher}, which also caches results per index reader and lets
 * searches take turns for the cores.
 */
package org.broadsheet.search;
