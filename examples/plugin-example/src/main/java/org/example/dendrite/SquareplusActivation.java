package org.example.dendrite;

import io.dendrite.core.param.Param;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.support.ElementwiseActivation;

/** Squareplus, (x + sqrt(x² + b)) / 2: a smooth relu made of a square root (So, 2021). */
public final class SquareplusActivation extends ElementwiseActivation {
  static final Param<Double> B =
      Param.number("b", 4.0, "smoothness near 0; b = 0 gives relu").greaterThan(0);

  /** Registers the activation as {@code squareplus}. */
  public static final class Plugin extends ActivationPlugin.Base {
    public Plugin() {
      super(
          declare("squareplus", "(x + sqrt(x^2 + b)) / 2, a smooth relu").params(B),
          params -> new SquareplusActivation(params.get(B)));
    }
  }

  private final double b;

  SquareplusActivation(double b) {
    this.b = b;
  }

  @Override
  protected double apply(double x) {
    return (x + Math.sqrt(x * x + b)) / 2;
  }

  @Override
  protected double derivative(double x, double y) {
    return (1 + x / Math.sqrt(x * x + b)) / 2;
  }
}
