package io.dendrite.runner.validate;

import io.dendrite.core.DendriteException;
import io.dendrite.core.experiment.DataSpec;
import io.dendrite.core.experiment.Experiment;
import io.dendrite.core.experiment.ModelSpec;
import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.Params;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.DataShape;
import io.dendrite.core.spi.DatasetPlugin;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.spi.LossInput;
import io.dendrite.core.spi.LossPlugin;
import io.dendrite.core.spi.Outputs;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.runner.config.ConfigList;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigPath;
import io.dendrite.runner.config.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks what the plugins declare about the network's last layer before anything runs: that its
 * outputs are what the loss reads ({@code relu} before {@code cross_entropy} trains to nonsense),
 * and that it is as wide as the classes when the dataset tells them from its parameters alone.
 *
 * <p>Each part of the file is read on its own, so that these checks are made even when other parts
 * have problems; a part that cannot be read is left to the problems already reported about it.
 * Plugins that declare nothing are not checked.
 */
final class OutputChecks {
  private final PluginRegistry registry;
  private final Path folder;

  OutputChecks(PluginRegistry registry, Path folder) {
    this.registry = registry;
    this.folder = folder;
  }

  /** The problems with the last layer of {@code root}, in no particular order. */
  List<ConfigProblem> check(ConfigMap root) {
    List<ConfigProblem> found = new ArrayList<>();
    Optional<ConfigList> layers =
        root.get(Experiment.MODEL.name())
            .filter(ConfigMap.class::isInstance)
            .flatMap(m -> ((ConfigMap) m).get(ModelSpec.LAYERS.name()))
            .filter(ConfigList.class::isInstance)
            .map(ConfigList.class::cast)
            .filter(l -> !l.items().isEmpty());
    if (layers.isEmpty()) {
      return found;
    }
    List<ConfigNode> items = layers.get().items();
    ConfigNode lastNode = items.get(items.size() - 1);
    // The loss check needs only the last layer, so that mistakes in earlier ones do not hide it.
    component(PluginKind.LAYER, lastNode)
        .flatMap(
            last ->
                root.get(Experiment.LOSS.name())
                    .flatMap(node -> component(PluginKind.LOSS, node))
                    .flatMap(loss -> lossFit(loss, last, lastNode)))
        .ifPresent(found::add);
    List<ComponentSpec> specs = new ArrayList<>();
    for (ConfigNode item : items) {
      Optional<ComponentSpec> spec = component(PluginKind.LAYER, item);
      if (spec.isEmpty()) {
        return found;
      }
      specs.add(spec.get());
    }
    dataset(root).flatMap(shape -> widthFit(shape, specs, lastNode)).ifPresent(found::add);
    return found;
  }

  private Optional<ConfigProblem> lossFit(ComponentSpec loss, ComponentSpec last, ConfigNode at) {
    if (!(plugin(loss) instanceof LossPlugin lossPlugin)) {
      return Optional.empty();
    }
    LossInput input = lossPlugin.input(loss.params());
    Optional<String> activationKey = activationKey(last);
    String produced;
    String path;
    Outputs outputs;
    if (activationKey.isPresent()) {
      ComponentSpec activation = (ComponentSpec) last.params().values().get(activationKey.get());
      if (!(plugin(activation) instanceof ActivationPlugin a)) {
        return Optional.empty();
      }
      outputs = a.outputs(activation.params());
      produced = "the output activation '" + activation.id() + "' gives " + outputs.description();
      path = ConfigPath.key(at.path(), activationKey.get());
    } else {
      if (!(plugin(last) instanceof LayerPlugin l)) {
        return Optional.empty();
      }
      outputs = l.outputs(last.params());
      produced = "the last layer has no activation, so it gives " + outputs.description();
      path = at.path();
    }
    if (outputs.suits(input.needs())) {
      return Optional.empty();
    }
    String verb = activationKey.isPresent() ? "use" : "add";
    StringBuilder s =
        new StringBuilder(produced)
            .append(", but the loss '")
            .append(loss.id())
            .append("' needs ")
            .append(input.needs().description());
    List<String> fitting = activationsGiving(input.needs());
    if (!fitting.isEmpty()) {
      s.append(": ")
          .append(verb)
          .append(" activation: ")
          .append(String.join(" or activation: ", fitting));
    }
    input
        .otherwise()
        .ifPresent(
            change ->
                s.append(fitting.isEmpty() ? ": " : ", or ")
                    .append("set ")
                    .append(change)
                    .append(" on the loss"));
    return Optional.of(new ConfigProblem(position(at, path), path, s.toString()));
  }

  /** The classes against the last layer's width, when every layer says how wide it is. */
  private Optional<ConfigProblem> widthFit(
      DataShape shape, List<ComponentSpec> layers, ConfigNode lastNode) {
    OptionalInt width = OptionalInt.empty();
    for (ComponentSpec layer : layers) {
      if (!(plugin(layer) instanceof LayerPlugin l)) {
        return Optional.empty();
      }
      width = l.outputSize(layer.params(), width);
      if (width.isEmpty()) {
        return Optional.empty();
      }
    }
    if (width.getAsInt() == shape.classes()) {
      return Optional.empty();
    }
    ComponentSpec last = layers.get(layers.size() - 1);
    boolean hasUnits = last.params().values().containsKey("units");
    String path = hasUnits ? ConfigPath.key(lastNode.path(), "units") : lastNode.path();
    return Optional.of(
        new ConfigProblem(
            position(lastNode, path),
            path,
            "the last layer has "
                + width.getAsInt()
                + (width.getAsInt() == 1 ? " output" : " outputs")
                + " but the training data has "
                + shape.classes()
                + " classes"
                + (hasUnits ? "; set units: " + shape.classes() : "")));
  }

  /** The shape the training set declares, when nothing in the file changes its targets. */
  private Optional<DataShape> dataset(ConfigMap root) {
    return root.get(Experiment.DATA.name())
        .filter(ConfigMap.class::isInstance)
        .flatMap(d -> ((ConfigMap) d).get(DataSpec.TRAIN.name()))
        .flatMap(node -> component(PluginKind.DATASET, node))
        .flatMap(
            spec ->
                plugin(spec) instanceof DatasetPlugin d
                    ? d.shape(spec.params())
                    : Optional.empty());
  }

  /** The parameter of {@code layer} that holds its activation, if it has one given. */
  private static Optional<String> activationKey(ComponentSpec layer) {
    return layer.params().values().entrySet().stream()
        .filter(e -> e.getValue() instanceof ComponentSpec c && c.kind() == PluginKind.ACTIVATION)
        .map(java.util.Map.Entry::getKey)
        .findFirst();
  }

  /** The installed activations that declare {@code needed} with their defaults, exactly. */
  private List<String> activationsGiving(Outputs needed) {
    List<String> ids = new ArrayList<>();
    for (var registered : registry.plugins(PluginKind.ACTIVATION)) {
      if (registered.plugin() instanceof ActivationPlugin a) {
        try {
          if (a.outputs(Params.defaults(a.params())) == needed) {
            ids.add(a.id());
          }
        } catch (ParamException e) {
          // It needs parameters to say: not a suggestion to make without them.
        }
      }
    }
    return ids;
  }

  private Optional<ComponentSpec> component(PluginKind kind, ConfigNode node) {
    // Problems of this part are reported by the main reading; here they only mean "skip".
    ConfigReader reader = new ConfigReader(registry, folder, new ArrayList<>());
    return reader.value(kind.type(), node, "").map(ComponentSpec.class::cast);
  }

  private Object plugin(ComponentSpec spec) {
    try {
      return registry.require(spec.kind(), spec.id()).plugin();
    } catch (DendriteException e) {
      return null;
    }
  }

  private static io.dendrite.runner.config.Position position(ConfigNode node, String path) {
    if (node instanceof ConfigMap map && !path.equals(node.path())) {
      String key = path.substring(path.lastIndexOf('.') + 1);
      return map.get(key).map(ConfigNode::position).orElse(node.position());
    }
    return node.position();
  }
}
