package io.dendrite.runner.sweep;

import io.dendrite.runner.validate.LoadedExperiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment of a sweep: the base experiment with the trial's values applied as overrides.
 *
 * @param index counted from 1; names the trial's folder ({@code trial-003})
 * @param values each swept path and the trial's value for it, as written in the resolved YAML
 * @param experiment validated, every default filled in
 */
public record Trial(int index, Map<String, String> values, LoadedExperiment experiment) {
  public Trial {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The trial's folder name under the sweep's folder. */
  public String folderName() {
    return folderName(index);
  }

  /** {@code trial-003} for 3: sorts by index for up to 999 trials, and still works beyond. */
  public static String folderName(int index) {
    return String.format(java.util.Locale.ROOT, "trial-%03d", index);
  }

  /** The trial's values as override arguments, {@code optimizer.learning_rate=0.01}. */
  public List<String> overrides() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
