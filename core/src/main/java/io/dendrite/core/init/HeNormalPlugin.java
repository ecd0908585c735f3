package io.dendrite.core.init;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Initializer;
import io.dendrite.core.spi.InitializerPlugin;
import java.util.List;

/** The {@code he_normal} plugin. */
public final class HeNormalPlugin implements InitializerPlugin {
  @Override
  public String id() {
    return "he_normal";
  }

  @Override
  public List<String> aliases() {
    return List.of("kaiming_normal");
  }

  @Override
  public String summary() {
    return "normal with mean 0 and variance 2/fan_in (He et al., 2015), for ReLU layers";
  }

  @Override
  public Initializer create(Params params) {
    return new HeNormalInitializer();
  }
}
