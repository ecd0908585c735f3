package io.dendrite.core.experiment;

import io.dendrite.core.param.ComponentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complete, validated experiment with every default filled in: what to train, on what, how.
 *
 * <p>Front ends build it (the runner from YAML); core runs it. {@link #toMap()} gives it back as
 * plain data so that a run can be repeated from the resolved experiment alone.
 *
 * @param name a name for the run directory and reports
 * @param seed the seed of every random choice in the run
 * @param data where examples come from
 * @param layers the network's layers, first to last
 * @param loss what training minimizes
 * @param optimizer how parameters are updated
 * @param training epochs, batch size and the like
 * @param metrics what is measured on validation and test data, besides the loss
 */
public record Experiment(
    String name,
    long seed,
    DataSpec data,
    List<ComponentSpec> layers,
    ComponentSpec loss,
    ComponentSpec optimizer,
    TrainingSpec training,
    List<ComponentSpec> metrics) {
  public Experiment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    layers = List.copyOf(layers);
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(training, "training");
    metrics = List.copyOf(metrics);
  }

  /** The experiment as plain maps, lists and values, in the order of the YAML format. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("seed", seed);
    m.put("data", data.toMap());
    Map<String, Object> model = new LinkedHashMap<>();
    List<Object> ls = new ArrayList<>();
    layers.forEach(l -> ls.add(component(l)));
    model.put("layers", ls);
    m.put("model", model);
    m.put("loss", component(loss));
    m.put("optimizer", component(optimizer));
    m.put("training", training.params().toMap());
    List<Object> ms = new ArrayList<>();
    metrics.forEach(x -> ms.add(component(x)));
    m.put("metrics", ms);
    return m;
  }

  static Map<String, Object> component(ComponentSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", spec.id());
    m.putAll(spec.params().toMap());
    return m;
  }
}
