package io.dendrite.core.layers;

import io.dendrite.core.param.ComponentSpec;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.PluginKind;
import java.util.List;

/** The {@code dense} layer: fully connected, with an optional activation. */
public final class DenseLayerPlugin implements LayerPlugin {
  static final Param<Integer> UNITS =
      Param.integer("units", 1, "number of outputs").atLeast(1).required();
  static final Param<ComponentSpec> ACTIVATION =
      Param.component(
              "activation",
              PluginKind.ACTIVATION,
              null,
              "applied to the outputs; none when left out")
          .optional();
  static final Param<ComponentSpec> INITIALIZER =
      Param.component(
          "initializer",
          PluginKind.INITIALIZER,
          "xavier_uniform",
          "starting values of the weights");
  static final Param<Boolean> USE_BIAS = Param.bool("use_bias", true, "add a learned bias");

  @Override
  public String id() {
    return "dense";
  }

  @Override
  public List<String> aliases() {
    return List.of("linear", "fully_connected");
  }

  @Override
  public String summary() {
    return "fully connected layer y = x·Wᵀ + b, then the activation";
  }

  @Override
  public List<Param<?>> params() {
    return List.of(UNITS, ACTIVATION, INITIALIZER, USE_BIAS);
  }

  @Override
  public Layer create(Params params) {
    return new DenseLayer(
        params.get(UNITS),
        params.get(USE_BIAS),
        params.has(ACTIVATION) ? params.get(ACTIVATION) : null,
        params.get(INITIALIZER));
  }
}
