package io.dendrite.core.param;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Params#resolve} with every problem found at once. */
public final class ParamException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<ParamProblem> problems;

  public ParamException(List<ParamProblem> problems) {
    super(
        problems.stream()
            .map(p -> p.path() + ": " + p.message())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ParamProblem> problems() {
    return problems;
  }
}
