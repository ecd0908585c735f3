package io.dendrite.core.spi;

/**
 * What a network's output values are: what an activation produces and what a loss needs, declared
 * by their plugins ({@link ActivationPlugin#outputs}, {@link LossPlugin#input}) so that a front end
 * can tell before training that an output does not suit its loss, whoever wrote either.
 *
 * <p>Kinds nest: probabilities over classes are probabilities per output, which are non-negative,
 * which are real values; a loss that needs a kind accepts every kind inside it.
 */
public enum Outputs {
  /** Any real values, e.g. {@code identity} or no activation: what regression losses take. */
  REAL("any real values", null),
  /** Values of at least 0, e.g. {@code relu}: rates for a Poisson loss. */
  NON_NEGATIVE("non-negative values", REAL),
  /** A probability from 0 to 1 for each output on its own, e.g. {@code sigmoid}. */
  PROBABILITIES("a probability per output", NON_NEGATIVE),
  /** Each row a distribution over the classes (values from 0 to 1 summing to 1): softmax. */
  CLASS_PROBABILITIES("probabilities over the classes", PROBABILITIES),
  /** Each row the logarithms of a distribution over the classes: {@code log_softmax}. */
  LOG_CLASS_PROBABILITIES("log-probabilities over the classes", REAL),
  /** Not declared: no check is made. */
  UNKNOWN("values of an undeclared kind", null);

  private final String description;
  private final Outputs broader;

  Outputs(String description, Outputs broader) {
    this.description = description;
    this.broader = broader;
  }

  /** In words, for messages: {@code probabilities over the classes}. */
  public String description() {
    return description;
  }

  /** Whether values of this kind are what {@code needed} asks for; unknown kinds always are. */
  public boolean suits(Outputs needed) {
    if (this == UNKNOWN || needed == UNKNOWN || needed == REAL) {
      return true;
    }
    for (Outputs k = this; k != null; k = k.broader) {
      if (k == needed) {
        return true;
      }
    }
    return false;
  }
}
