package io.dendrite.runner.distributed;

import io.dendrite.core.DendriteException;
import io.dendrite.runner.sweep.SparkModule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the distributed engine an experiment names. */
public final class DistributedEngines {
  private DistributedEngines() {}

  /**
   * The engine called {@code id}.
   *
   * @throws DendriteException a configuration error saying how to install it, when it is absent
   */
  public static DistributedEngine find(String id, ClassLoader loader) {
    List<String> known = new ArrayList<>();
    for (DistributedEngine engine : ServiceLoader.load(DistributedEngine.class, loader)) {
      if (engine.id().equals(id)) {
        return engine;
      }
      known.add(engine.id());
    }
    throw DendriteException.config(
        "training.distributed.engine: the engine '"
            + id
            + "' is not installed"
            + (known.isEmpty() ? "" : "; installed: " + String.join(", ", known))
            + (id.equals("spark") ? "; " + SparkModule.HOW_TO_INSTALL : ""));
  }
}
