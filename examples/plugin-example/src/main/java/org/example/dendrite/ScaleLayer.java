package org.example.dendrite;

import io.dendrite.core.param.Param;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;

/**
 * A learned scale and shift of each input, {@code y = x * weight + bias}, one pair per column: the
 * affine half of a normalization layer.
 *
 * <p>{@link #build} allocates everything, for the largest batch; each call sets the rows of its
 * buffers to the batch's and allocates nothing.
 */
public final class ScaleLayer implements Layer {
  static final Param<Double> INITIAL_SCALE =
      Param.number("initial_scale", 1.0, "starting value of every scale");

  /** Registers the layer as {@code scale}. */
  public static final class Plugin extends LayerPlugin.Base {
    public Plugin() {
      super(
          declare("scale", "a learned scale and shift of each input, x * weight + bias")
              .params(INITIAL_SCALE),
          params -> new ScaleLayer(params.get(INITIAL_SCALE)));
    }
  }

  private final double initialScale;
  private int width;
  private Parameter weight;
  private Parameter bias;
  private Matrix input;
  private Matrix output;
  private Matrix gradInput;

  ScaleLayer(double initialScale) {
    this.initialScale = initialScale;
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    width = inputSize;
    weight =
        new Parameter(
            context.name() + ".weight", context.matrix(1, width), context.matrix(1, width));
    bias =
        new Parameter(context.name() + ".bias", context.matrix(1, width), context.matrix(1, width));
    output = context.matrix(context.maxBatchRows(), width);
    gradInput = context.matrix(context.maxBatchRows(), width);
  }

  @Override
  public void initialize(Rng rng) {
    weight.value().fill(initialScale);
    bias.value().fill(0);
  }

  @Override
  public int outputSize() {
    return width;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }

  @Override
  public Matrix forward(Matrix x, boolean training) {
    input = x;
    output.setRows(x.rows());
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < width; c++) {
        output.set(r, c, x.get(r, c) * weight.value().get(c) + bias.value().get(c));
      }
    }
    return output;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    gradInput.setRows(gradOutput.rows());
    weight.gradient().fill(0);
    bias.gradient().fill(0);
    for (int r = 0; r < gradOutput.rows(); r++) {
      for (int c = 0; c < width; c++) {
        double g = gradOutput.get(r, c);
        weight.gradient().set(c, weight.gradient().get(c) + g * input.get(r, c));
        bias.gradient().set(c, bias.gradient().get(c) + g);
        gradInput.set(r, c, g * weight.value().get(c));
      }
    }
    return gradInput;
  }
}
