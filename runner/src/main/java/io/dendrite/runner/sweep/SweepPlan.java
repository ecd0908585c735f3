package io.dendrite.runner.sweep;

import java.util.List;

/**
 * A sweep ready to run: every trial already validated.
 *
 * @param name the base experiment's name: the sweep goes under {@code runs/<name>/}
 * @param maximize whether a larger {@link SweepSpec#metric()} ranks a trial higher
 */
public record SweepPlan(String name, SweepSpec spec, boolean maximize, List<Trial> trials) {
  public SweepPlan {
    trials = List.copyOf(trials);
  }

  /** The names of the swept parameters, in the order the file gives them. */
  public List<String> parameterNames() {
    return spec.parameters().stream().map(SweptParameter::path).toList();
  }
}
