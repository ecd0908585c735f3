package io.dendrite.core.train;

import static io.dendrite.core.train.TestComponents.spec;

import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.standin.StandInDense;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Small XOR experiments and the stand-in components that run them, for the trainer's tests. */
final class XorRuns {
  static final TrainingListener QUIET = new TrainingListener() {};

  private XorRuns() {}

  static ComponentSpec dense(int units, String activation) {
    Map<String, Object> p = new HashMap<>();
    p.put("units", units);
    if (activation != null) {
      p.put("activation", spec(PluginKind.ACTIVATION, activation));
    }
    p.put("initializer", spec(PluginKind.INITIALIZER, "xavier_uniform"));
    return new ComponentSpec(
        PluginKind.LAYER, "dense", Params.resolve(new StandInDense.Plugin().params(), p));
  }

  /** The values of an experiment on {@code dataset} (a mutable map: tests add to it). */
  static Map<String, Object> values(String dataset, int epochs, int batchSize) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("train", spec(PluginKind.DATASET, dataset));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("seed", 11L);
    values.put("data", data);
    values.put("model", Map.of("layers", List.of(dense(8, "tanh"), dense(1, null))));
    values.put("loss", spec(PluginKind.LOSS, "squared_error"));
    values.put("optimizer", spec(PluginKind.OPTIMIZER, "sgd"));
    values.put("training", Map.of("epochs", epochs, "batch_size", batchSize));
    values.put("metrics", List.of());
    return values;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Map<String, Object> values) {
    return (Map<String, Object>) values.get("data");
  }

  static Experiment experiment(Map<String, Object> values) {
    return Experiment.of(values, "xor");
  }

  /**
   * Tanh, squared error, plain SGD at {@code rate}, XOR ({@code xor}) and XOR x4 ({@code xor16}).
   */
  static Map<String, Supplier<Object>> components(double rate) {
    Map<String, Supplier<Object>> local = new HashMap<>();
    local.put("tanh", TestComponents.Tanh::new);
    local.put("squared_error", TestComponents.SquaredError::new);
    local.put("sgd", () -> new TestComponents.PlainSgd(rate));
    local.put("xor", TestComponents::xor);
    local.put("xor16", () -> TestComponents.repeatedXor(4));
    return local;
  }

  static ExperimentTrainer trainer(Map<String, Supplier<Object>> local) {
    return new ExperimentTrainer(
        new TestComponents(local), Kernels.singleThreaded(), Path.of("."), Path.of("cache"));
  }

  static List<float[]> weights(List<Parameter> parameters) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : parameters) {
      out.add(p.value().floats().clone());
    }
    return out;
  }
}
