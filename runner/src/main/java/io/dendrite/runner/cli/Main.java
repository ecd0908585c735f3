package io.dendrite.runner.cli;

/** The {@code dendrite} command: see {@link DendriteCommand}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = DendriteCommand.commandLine(CliEnvironment.system()).execute(args);
    } catch (Throwable e) {
      // picocli hands errors such as OutOfMemoryError on; the contract is still one line and 1.
      System.err.println("internal error: " + e);
      code = 1;
    }
    System.exit(code);
  }
}
