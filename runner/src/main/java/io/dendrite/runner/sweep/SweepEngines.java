package io.dendrite.runner.sweep;

import io.dendrite.core.DendriteException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a sweep engine by id: {@code local} is built in, others come from the class path. */
public final class SweepEngines {
  private SweepEngines() {}

  /**
   * The engine called {@code id}.
   *
   * @throws DendriteException a configuration error saying how to install it, when it is absent
   */
  public static SweepEngine find(String id, ClassLoader loader) {
    if (LocalSweepEngine.ID.equals(id)) {
      return new LocalSweepEngine();
    }
    List<String> known = new ArrayList<>(List.of(LocalSweepEngine.ID));
    for (SweepEngine engine : ServiceLoader.load(SweepEngine.class, loader)) {
      if (engine.id().equals(id)) {
        return engine;
      }
      known.add(engine.id());
    }
    throw DendriteException.config(
        "the sweep engine '"
            + id
            + "' is not installed; installed: "
            + String.join(", ", known)
            + (id.equals("spark") ? "; " + SparkModule.HOW_TO_INSTALL : ""));
  }
}
