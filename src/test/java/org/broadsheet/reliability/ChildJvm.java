package org.broadsheet.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real command line in a separate JVM, with this test's classpath, so a test can
 * kill it with SIGKILL or make it compete with this JVM for the index's write lock.
 */
final class ChildJvm {
  private ChildJvm() {
  }

  /** Starts {@code broadsheet args...}; its stdout and stderr go to files in {@code logs}. */
  static Process start(Path logs, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.broadsheet.cli.BroadsheetCommand");
    command.addAll(List.of(args));
    Files.createDirectories(logs);
    return new ProcessBuilder(command)
        .redirectOutput(logs.resolve("stdout.txt").toFile())
        .redirectError(logs.resolve("stderr.txt").toFile())
        .start();
  }

  static String stderr(Path logs) throws IOException {
    return Files.readString(logs.resolve("stderr.txt"));
  }
}
