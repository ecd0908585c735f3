package io.dendrite.runner.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import io.dendrite.core.DendriteException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear message on stderr and the contract's exit code. 2 for configuration
 * and usage, 3 for bad data or model files, 1 for anything else. Stack traces only with {@code
 * --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int USAGE = 2;
  static final int INTERNAL = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable e = unwrap(ex);
    PrintWriter err = cmd.getErr();
    boolean debug = debugRequested(parseResult);
    int code;
    if (e instanceof DendriteException d) {
      err.println(d.getMessage());
      code = d.exitCode();
    } else {
      err.println(
          "internal error: "
              + e
              + (debug ? "" : " (run again with " + DebugOption.NAME + " for the stack trace)"));
      code = INTERNAL;
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return USAGE;
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof ProvisionException || e instanceof CreationException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static boolean debugRequested(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(DebugOption.NAME)) {
        return true;
      }
    }
    return false;
  }
}
