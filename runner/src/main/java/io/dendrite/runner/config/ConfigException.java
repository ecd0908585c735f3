package io.dendrite.runner.config;

import io.dendrite.core.DendriteException;
import java.util.List;
import java.util.stream.Collectors;

/** An experiment that cannot be run, with every problem found in it: exit code 2. */
public final class ConfigException extends DendriteException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    this(problems, null);
  }

  public ConfigException(List<ConfigProblem> problems, Throwable cause) {
    super(
        Kind.CONFIG,
        problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")),
        cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration error needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public static ConfigException of(Position position, String path, String message) {
    return new ConfigException(List.of(new ConfigProblem(position, path, message)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
