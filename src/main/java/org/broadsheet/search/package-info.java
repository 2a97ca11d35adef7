/**
 * Search: the query language (parsed by small rules: lexing, rewriting, limits, fields, compound
 * words), drill-sideways facets, snippets, the date timeline, the map's places, related articles,
 * one article in full and one entity's page ({@code EntityProfiles}, with {@code RelatedEntities}
 * ranked by log-likelihood), behind {@code ArchiveSearcher}, which also caches results per index reader and lets
 * searches take turns for the cores. On a large archive a broad search counts on a sample and finds its
 * exact page by skipping ({@code BroadSearch}).
 */
package org.broadsheet.search;
