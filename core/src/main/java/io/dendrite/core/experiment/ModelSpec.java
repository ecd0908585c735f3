package io.dendrite.core.experiment;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import java.util.List;

/** The {@code model} section: the network's layers, first to last. */
public record ModelSpec(Params params) {
  public static final Param<List<ComponentSpec>> LAYERS =
      Param.list(
              "layers",
              PluginKind.LAYER.type(),
              null,
              "the layers, first to last; the input size is inferred from the data")
          .minSize(1);

  /** The keys of this section. */
  public static final List<Param<?>> PARAMS = List.of(LAYERS);

  public List<ComponentSpec> layers() {
    return params.get(LAYERS);
  }
}
