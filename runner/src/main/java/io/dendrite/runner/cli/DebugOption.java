package io.dendrite.runner.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --debug}: Dendrite's debug log on stderr, and stack traces with errors. */
final class DebugOption {
  static final String NAME = "--debug";

  @Option(
      names = NAME,
      description = "Log what Dendrite does (plugin discovery, wiring) and show stack traces.")
  void setDebug(boolean debug) {
    if (debug) {
      Logger logger = LoggerFactory.getLogger("io.dendrite");
      if (logger instanceof ch.qos.logback.classic.Logger logback) {
        logback.setLevel(Level.DEBUG);
      }
    }
  }
}
