package io.dendrite.core;

/**
 * A problem a person can act on: bad configuration, bad data, a broken plugin or model file.
 *
 * <p>The message is complete on its own (what, where, what was expected, a suggestion), so a front
 * end prints it as it is; {@link #exitCode()} says which exit code the CLI should use.
 */
public class DendriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the terms of the command-line contract. */
  public enum Kind {
    /** Invalid configuration or usage: exit code 2. */
    CONFIG(2),
    /** Bad data or model file: exit code 3. */
    DATA(3),
    /** Training diverged or another runtime problem that is not a bug: exit code 1. */
    RUNTIME(1);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;
  private String configPath;

  public DendriteException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public DendriteException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static DendriteException config(String message) {
    return new DendriteException(Kind.CONFIG, message);
  }

  public static DendriteException data(String message) {
    return new DendriteException(Kind.DATA, message);
  }

  public static DendriteException data(String message, Throwable cause) {
    return new DendriteException(Kind.DATA, message, cause);
  }

  /**
   * A configuration problem about one field, e.g. {@code model.layers[2].units}: front ends point
   * at that field's line and column.
   */
  public static DendriteException configAt(String path, String message) {
    DendriteException e = new DendriteException(Kind.CONFIG, message);
    e.configPath = path;
    return e;
  }

  /** The configuration field this problem is about, or null. */
  public String configPath() {
    return configPath;
  }

  public Kind kind() {
    return kind;
  }

  public int exitCode() {
    return kind.exitCode();
  }
}
