/**
 * Results in the formats other programs read: a whole result set as CSV or JSON Lines
 * ({@link org.broadsheet.export.ExportFormat}), written hit by hit as the search hands them on, and
 * the newest hits of a search as an Atom feed ({@link org.broadsheet.export.AtomFeed}). Used by the
 * web API and the command line alike; knows nothing of either.
 */
package org.broadsheet.export;
