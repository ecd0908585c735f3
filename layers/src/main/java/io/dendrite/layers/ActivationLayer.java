package io.dendrite.layers;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import java.util.OptionalInt;

/**
 * An activation as a layer of its own, to follow a layer that has none ({@code batch_norm}, say).
 *
 * <p>It does no math itself: it hands its activation to the network through {@link #activation()},
 * as {@code dense} does, so that a loss can still fuse with it when it comes last. Forward returns
 * the input matrix itself and backward the gradient it is given.
 */
public final class ActivationLayer implements Layer {
  static final Param<ComponentSpec> ACTIVATION =
      PluginKind.ACTIVATION.param("activation", null, "the activation applied to the inputs");

  /** Registers the layer as {@code activation}. */
  public static final class Plugin extends LayerPlugin.Base {
    /** As wide as its input. */
    @Override
    public OptionalInt outputSize(Params params, OptionalInt inputSize) {
      return inputSize;
    }

    public Plugin() {
      super(
          declare("activation", "applies an activation to its inputs, as a layer of its own")
              .params(ACTIVATION),
          ActivationLayer::new);
    }
  }

  private final ComponentSpec activation;
  private int width;

  private ActivationLayer(Params params) {
    this.activation = params.get(ACTIVATION);
  }

  @Override
  public void build(int inputSize, LayerContext context) {
    width = inputSize;
  }

  @Override
  public void initialize(Rng rng) {}

  @Override
  public int outputSize() {
    return width;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public Matrix forward(Matrix input, boolean training) {
    return input;
  }

  @Override
  public Matrix backward(Matrix gradOutput) {
    return gradOutput;
  }

  @Override
  public ComponentSpec activation() {
    return activation;
  }
}
