package io.dendrite.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What a loss needs the network's outputs to be, and what else of the loss's own would make other
 * outputs fit.
 *
 * @param needs the kind of values the loss reads
 * @param otherwise a change to the loss that makes it take any real values, in YAML ({@code
 *     from_logits: true}); empty when there is none
 */
public record LossInput(Outputs needs, Optional<String> otherwise) {
  /** A loss that takes any values: nothing to check. */
  public static final LossInput ANY = new LossInput(Outputs.REAL, Optional.empty());

  public LossInput {
    Objects.requireNonNull(needs, "needs");
    Objects.requireNonNull(otherwise, "otherwise");
  }

  /** A loss that needs {@code needs}, with no other form. */
  public static LossInput of(Outputs needs) {
    return new LossInput(needs, Optional.empty());
  }

  /** A loss that needs {@code needs}, or any real values once {@code change} is made to it. */
  public static LossInput of(Outputs needs, String change) {
    return new LossInput(needs, Optional.of(change));
  }
}
