package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Param;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.plugin.RegisteredPlugin;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.runner.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gradient that turns NaN while every loss stays finite (an activation whose derivative breaks
 * down in the third epoch): the run stops naming the epoch, the step and the parameter, and leaves
 * no file holding a non-finite number.
 */
class NonFiniteGradientTests {
  @TempDir Path dir;

  /**
   * The identity, whose backward pass writes NaN into one element of {@code dLoss/dz} from its
   * {@code nan_at}-th call on (counted from 1); the forward pass, and so the loss, stay finite.
   */
  static final class BreakingIdentity implements Activation {
    static final Param<Integer> NAN_AT =
        Param.integer("nan_at", 1, "the backward call from which the gradient is NaN").atLeast(1);

    /** Registers the activation as {@code breaking_identity}. */
    static final class Plugin extends ActivationPlugin.Base {
      Plugin() {
        super(
            declare("breaking_identity", "the identity, with a NaN derivative from a given call")
                .params(NAN_AT),
            p -> new BreakingIdentity(p.get(NAN_AT)));
      }
    }

    private final int nanAt;
    private int calls;

    BreakingIdentity(int nanAt) {
      this.nanAt = nanAt;
    }

    @Override
    public void forward(Matrix z, Matrix a) {
      a.copyFrom(z);
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
      if (gradZ != gradA) {
        gradZ.copyFrom(gradA);
      }
      if (++calls >= nanAt) {
        gradZ.set(0, 0, Double.NaN);
      }
    }
  }

  private static PluginRegistry registry() {
    PluginRegistry real = PluginRegistry.discover(NonFiniteGradientTests.class.getClassLoader());
    List<RegisteredPlugin> plugins = new ArrayList<>(real.plugins());
    plugins.add(
        new RegisteredPlugin(PluginKind.ACTIVATION, new BreakingIdentity.Plugin(), "this test"));
    return new PluginRegistry(plugins, real.problems());
  }

  @Test
  void aNonFiniteGradientWithAFiniteLossStopsNamingEpochStepAndParameter() throws Exception {
    // 200 examples in batches of 20: 10 steps an epoch, so call 24 is epoch 3, step 4.
    TestFiles.write(
        dir,
        "exp.yaml",
        """
        name: nan-gradient
        seed: 6
        data:
          train: {type: blobs, samples: 200, centers: 3}
        model:
          layers:
            - {type: dense, units: 8, activation: {type: breaking_identity, nan_at: 24}}
            - {type: dense, units: 3, activation: softmax}
        loss: cross_entropy
        optimizer: {type: sgd, learning_rate: 0.05}
        training: {epochs: 5, batch_size: 20, shuffle: false}
        """);
    CliHarness.Result r =
        new CliHarness(dir, NonFiniteGradientTests::registry)
            .run("run", "exp.yaml", "--out", "out");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "training diverged at epoch 3, step 4: the gradient of layers.0.weight is not finite")
        .doesNotContain("the loss is")
        .doesNotContain("\tat ");
    Path out = dir.resolve("out");
    assertThat(Files.readString(out.resolve("run.json"))).contains("\"failed\"");
    List<String> checkpoints;
    try (Stream<Path> files = Files.list(out.resolve("checkpoints"))) {
      checkpoints = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(checkpoints)
        .as("the checkpoints of epochs 1 and 2, none of the epoch that diverged")
        .containsExactly("epoch-0001.safetensors", "epoch-0002.safetensors");
    assertThat(out.resolve("model.safetensors")).doesNotExist();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".safetensors")).toList()) {
        DivergenceCheckpointTests.assertAllFinite(f);
      }
    }
    assertThat(Files.readString(out.resolve("metrics.csv")))
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
  }
}
