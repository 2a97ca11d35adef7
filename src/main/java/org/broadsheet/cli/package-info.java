/**
 * The {@code broadsheet} command line: one picocli class per subcommand, each a thin layer over
 * {@link org.broadsheet.Broadsheet}; usage mistakes are one line and exit status 2.
 */
package org.broadsheet.cli;
