package io.dendrite.core.spi.support;

import io.dendrite.core.param.Param;
import java.util.Locale;

/** How a loss combines the values of a batch, as PyTorch's {@code reduction} argument. */
public enum Reduction {
  /** The mean: over examples, or over every value for element-wise losses, as PyTorch. */
  MEAN,
  /** The sum over every example (and value). */
  SUM;

  /** The {@code reduction} parameter every built-in loss declares. */
  public static final Param<String> PARAM =
      Param.choice(
          "reduction",
          "mean",
          "how the batch's values combine, as PyTorch's reduction: mean or sum",
          "mean",
          "sum");

  /** The reduction a validated {@link #PARAM} value names. */
  public static Reduction of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
