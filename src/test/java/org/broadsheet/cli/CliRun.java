package org.broadsheet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the real command line in this JVM, as a user types it: its exit code, what it printed
 * and what it said on standard error.
 */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cli = BroadsheetCommand.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute(args);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }
}
