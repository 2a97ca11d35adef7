/**
 * Evaluation programs: entity recognition against the Reuters gold tags, search latency over a
 * gold-tagged index. Tools for tuning, not part of the product jar.
 */
package org.broadsheet.evaluation;
