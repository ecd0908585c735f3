package io.dendrite.core.experiment;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.ParamException;
import io.dendrite.core.param.Params;
import io.dendrite.core.param.PathType;
import io.dendrite.core.param.TextType;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.ComponentType;
import io.dendrite.core.spi.PluginKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complete, validated experiment with every default filled in: what to train, on what, how.
 *
 * <p>The experiment format is declared here, once, with the same {@link Param} machinery as plugin
 * parameters: {@link #FORMAT} lists the top-level keys, whose sections ({@link DataSpec}, {@link
 * ModelSpec}, {@link TrainingSpec}) declare theirs. Front ends validate against it (the runner from
 * YAML), and the README's reference, {@code dendrite plan} and the JSON Schema are generated from
 * it. {@link #toMap()} gives the experiment back as plain data, so that a run can be repeated from
 * the resolved experiment alone.
 *
 * @param name a name for the run directory and reports
 * @param params the values of {@link #FORMAT}
 */
public record Experiment(String name, Params params) {
  /**
   * What a name may hold: it becomes a folder under {@code runs/}, so nothing that could leave it.
   */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

  /** The longest name. */
  public static final int NAME_MAX_LENGTH = 100;

  public static final Param<String> NAME =
      Param.of(
              "name",
              TextType.ANY,
              null,
              "names the run folder runs/<name>/; default: the experiment file's name")
          .matching(
              NAME_PATTERN,
              "a name of letters, digits, '.', '_' and '-' starting with a letter or digit (it"
                  + " names the run folder)",
              NAME_MAX_LENGTH)
          .optional();
  public static final Param<Long> SEED =
      Param.longInteger("seed", 0, "seed of every random choice: same seed, same bits");

  /**
   * Folders of plugin jars (or single jars) the experiment needs besides the standard plugin
   * folders, relative to the experiment file. Front ends read them before anything else, since the
   * plugins they hold decide what the rest of the file may say.
   */
  public static final Param<List<Path>> PLUGINS =
      Param.list(
              "plugins",
              new PathType(true),
              List.of(),
              "folders of plugin jars, or jars, to load for this experiment besides the standard"
                  + " plugin folders; relative to the experiment file")
          .optional();

  public static final Param<Params> DATA =
      Param.section("data", DataSpec.PARAMS, "where the examples come from");
  public static final Param<Params> MODEL = Param.section("model", ModelSpec.PARAMS, "the network");
  public static final Param<ComponentSpec> LOSS =
      PluginKind.LOSS.param("loss", null, "what training minimizes");

  /** A setting of the optimizer: the schedule of its learning rate. */
  public static final Param<ComponentSpec> SCHEDULE =
      PluginKind.SCHEDULE
          .param(
              "schedule",
              null,
              "how the learning rate changes during training; default: it does not")
          .optional();

  public static final Param<ComponentSpec> OPTIMIZER =
      Param.of(
          "optimizer",
          new ComponentType(PluginKind.OPTIMIZER, List.of(SCHEDULE)),
          ComponentSpec.of(PluginKind.OPTIMIZER, "adam"),
          "how parameters are updated; {type: id, schedule: ..., ...}");
  public static final Param<Params> TRAINING =
      Param.section("training", TrainingSpec.PARAMS, "epochs, batch size and the like");
  public static final Param<List<ComponentSpec>> METRICS =
      Param.list(
          "metrics",
          new ComponentType(PluginKind.METRIC, List.of(ComponentType.NAME)),
          List.of(ComponentSpec.of(PluginKind.METRIC, "accuracy")),
          "measured on training, validation and test examples besides the loss; each may be"
              + " {type: id, name: column_name}");

  /** The top-level keys of the experiment format, in the order files are written. */
  public static final List<Param<?>> FORMAT =
      List.of(NAME, SEED, PLUGINS, DATA, MODEL, LOSS, OPTIMIZER, TRAINING, METRICS);

  public Experiment {
    Objects.requireNonNull(name, "name");
    if (!params.declared().equals(FORMAT)) {
      throw new IllegalArgumentException("not the values of Experiment.FORMAT");
    }
  }

  /**
   * The experiment {@code values} (plain data: maps, lists, values and {@link ComponentSpec}s)
   * describe, named {@code defaultName} when they give no name.
   *
   * @throws ParamException with every problem found
   */
  public static Experiment of(Map<String, ?> values, String defaultName) {
    return of(Params.resolve(FORMAT, values), defaultName);
  }

  /** The experiment of validated {@code params}, named {@code defaultName} when they give none. */
  public static Experiment of(Params params, String defaultName) {
    return new Experiment(params.has(NAME) ? params.get(NAME) : defaultName, params);
  }

  public long seed() {
    return params.get(SEED);
  }

  /** The plugin folders and jars the experiment names, absolute once validated; often none. */
  public List<Path> plugins() {
    return params.has(PLUGINS) ? params.get(PLUGINS) : List.of();
  }

  public DataSpec data() {
    return new DataSpec(params.get(DATA));
  }

  public ModelSpec model() {
    return new ModelSpec(params.get(MODEL));
  }

  /** The network's layers, first to last. */
  public List<ComponentSpec> layers() {
    return model().layers();
  }

  public ComponentSpec loss() {
    return params.get(LOSS);
  }

  public ComponentSpec optimizer() {
    return params.get(OPTIMIZER);
  }

  /** The optimizer's learning-rate schedule, if it has one. */
  public java.util.Optional<ComponentSpec> schedule() {
    return optimizer().setting(SCHEDULE);
  }

  public TrainingSpec training() {
    return new TrainingSpec(params.get(TRAINING));
  }

  /** The metrics, each known by its {@link ComponentSpec#name()}. */
  public List<ComponentSpec> metrics() {
    return params.get(METRICS);
  }

  /**
   * This experiment with other preprocessing steps: the same steps with what they fitted, so that
   * the resolved experiment repeats them without fitting.
   */
  public Experiment withPreprocessing(List<ComponentSpec> steps) {
    Map<String, Object> data = new LinkedHashMap<>(params.get(DATA).values());
    data.put(DataSpec.PREPROCESS.name(), steps);
    Map<String, Object> values = new LinkedHashMap<>(params.values());
    values.put(DATA.name(), data);
    return new Experiment(name, Params.resolve(FORMAT, values));
  }

  /**
   * This experiment on the data of {@code other}, with this experiment's preprocessing (as fitted):
   * a trained model evaluated on other examples transforms them as it was trained to.
   */
  public Experiment withDataOf(Experiment other) {
    Map<String, Object> data = new LinkedHashMap<>(other.params.get(DATA).values());
    data.put(DataSpec.PREPROCESS.name(), data().preprocess());
    Map<String, Object> values = new LinkedHashMap<>(params.values());
    values.put(DATA.name(), data);
    return new Experiment(name, Params.resolve(FORMAT, values));
  }

  /** The experiment as plain maps, lists and values, in the order of the format, name first. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(NAME.name(), name);
    params.toMap().forEach(m::putIfAbsent);
    return m;
  }
}
