/**
 * The load client behind {@code scripts/load.sh}: many readers against a running server on this
 * machine, bounded in count and time. A tool, not part of the product jar.
 */
package org.broadsheet.load;
