package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.Suggestions;
import io.dendrite.core.experiment.TrainingSpec;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controls the {@code training} section asks for, as processors and listeners on the training
 * loop: gradient clipping, early stopping and a time limit. Problems in their settings that only
 * the run can see (a monitored name that is not measured) are configuration errors naming the key.
 */
final class TrainingControls {
  final List<GradientProcessor> processors = new ArrayList<>();
  final List<TrainingListener> listeners = new ArrayList<>();
  final Optional<EarlyStopping> earlyStopping;

  /**
   * @param goals each metric's name and whether it is maximized
   * @param validated whether the run measures a validation set after each epoch
   */
  TrainingControls(TrainingSpec training, Map<String, Metric.Goal> goals, boolean validated) {
    Optional<Params> clip = training.clip();
    if (clip.isPresent()) {
      Params c = clip.get();
      if (!c.has(TrainingSpec.CLIP_NORM) && !c.has(TrainingSpec.CLIP_VALUE)) {
        throw DendriteException.configAt(
            "training.clip", "give norm, value or both, e.g. training.clip: {norm: 1.0}");
      }
      processors.add(
          new GradientClipping(
              c.has(TrainingSpec.CLIP_VALUE)
                  ? c.get(TrainingSpec.CLIP_VALUE)
                  : Double.POSITIVE_INFINITY,
              c.has(TrainingSpec.CLIP_NORM)
                  ? c.get(TrainingSpec.CLIP_NORM)
                  : Double.POSITIVE_INFINITY));
    }
    earlyStopping = training.earlyStopping().map(e -> earlyStopping(e, goals, validated));
    earlyStopping.ifPresent(listeners::add);
    training.maxSeconds().ifPresent(s -> listeners.add(new TimeLimit(s)));
  }

  private static EarlyStopping earlyStopping(
      Params e, Map<String, Metric.Goal> goals, boolean validated) {
    String monitor = e.get(TrainingSpec.MONITOR);
    String path = "training.early_stopping.monitor";
    boolean validation = monitor.startsWith("val_");
    String base = validation ? monitor.substring(4) : monitor;
    List<String> known = new ArrayList<>();
    for (String prefix : validated ? List.of("", "val_") : List.of("")) {
      known.add(prefix + "loss");
      goals.keySet().forEach(name -> known.add(prefix + name));
    }
    if (!base.equals("loss") && !goals.containsKey(base)) {
      StringBuilder m = new StringBuilder("'" + monitor + "' is not measured");
      Suggestions.closest(monitor, known)
          .ifPresent(g -> m.append(" (did you mean '").append(g).append("'?)"));
      throw DendriteException.configAt(
          path, m.append("; known: ").append(String.join(", ", known)).toString());
    }
    if (validation && !validated) {
      throw DendriteException.configAt(
          path,
          "'"
              + monitor
              + "' needs validation examples: set data.validation_split (e.g. 0.1), or monitor '"
              + base
              + "'");
    }
    Metric.Goal goal =
        switch (e.get(TrainingSpec.MODE)) {
          case "min" -> Metric.Goal.MINIMIZE;
          case "max" -> Metric.Goal.MAXIMIZE;
          default -> base.equals("loss") ? Metric.Goal.MINIMIZE : goals.get(base);
        };
    return new EarlyStopping(
        monitor,
        goal,
        e.get(TrainingSpec.PATIENCE),
        e.get(TrainingSpec.MIN_DELTA),
        e.get(TrainingSpec.RESTORE_BEST));
  }
}
