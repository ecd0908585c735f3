package io.dendrite.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ComponentSpec;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.spi.support.ElementwiseActivation;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTests {
  /** What the test layers were asked to do, in order. */
  private final List<String> calls = new ArrayList<>();

  /**
   * y = s·x, element-wise, as wide as its input plus {@code extra} zero columns; one parameter
   * ({@code NAME.scale}, 1×1) and one buffer ({@code NAME.seen}).
   */
  final class Scale implements Layer {
    private final int extra;
    private final ComponentSpec activation;
    private final String tensorName;
    private String name;
    private int width;
    private Parameter scale;
    private Buffer seen;
    private Matrix out;
    private Matrix gradIn;
    private Matrix input;
    LayerContext context;

    Scale(int extra, ComponentSpec activation, String tensorName) {
      this.extra = extra;
      this.activation = activation;
      this.tensorName = tensorName;
    }

    @Override
    public void build(int inputSize, LayerContext context) {
      this.context = context;
      name = tensorName == null ? context.name() : tensorName;
      width = inputSize;
      calls.add("build " + context.name() + " " + inputSize);
      Matrix one = context.matrix(1, 1);
      scale = new Parameter(name + ".scale", one, context.matrix(1, 1));
      seen = new Buffer(name + ".seen", context.matrix(1, 2));
      out = context.matrix(context.maxBatchRows(), inputSize + extra);
      gradIn = context.matrix(context.maxBatchRows(), inputSize);
    }

    @Override
    public void initialize(Rng rng) {
      calls.add("initialize " + name);
      scale.value().set(0, 1 + Math.floor(rng.nextDouble() * 3));
    }

    @Override
    public int outputSize() {
      return width + extra;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(scale);
    }

    @Override
    public List<Buffer> buffers() {
      return List.of(seen);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
      calls.add("forward " + name + " " + training);
      input = x;
      out.setRows(x.rows()).fill(0);
      for (int r = 0; r < x.rows(); r++) {
        for (int c = 0; c < width; c++) {
          out.set(r, c, scale.value().get(0) * x.get(r, c));
        }
      }
      return out;
    }

    private void gradient(Matrix g) {
      double sum = 0;
      for (int r = 0; r < g.rows(); r++) {
        for (int c = 0; c < width; c++) {
          sum += g.get(r, c) * input.get(r, c);
        }
      }
      scale.gradient().set(0, sum);
    }

    @Override
    public Matrix backward(Matrix g) {
      calls.add("backward " + name);
      gradient(g);
      gradIn.setRows(g.rows());
      for (int r = 0; r < g.rows(); r++) {
        for (int c = 0; c < width; c++) {
          gradIn.set(r, c, scale.value().get(0) * g.get(r, c));
        }
      }
      return gradIn;
    }

    @Override
    public void backwardToParameters(Matrix g) {
      calls.add("backwardToParameters " + name);
      gradient(g);
    }

    @Override
    public ComponentSpec activation() {
      return activation;
    }
  }

  /** f(x) = x², f'(x) = 2x. */
  static final class Square extends ElementwiseActivation {
    @Override
    protected double apply(double x) {
      return x * x;
    }

    @Override
    protected double derivative(double x, double y) {
      return 2 * x;
    }
  }

  private static final ComponentSpec SQUARE = ComponentSpec.of(PluginKind.ACTIVATION, "square");

  private Network network(List<Layer> layers, boolean doubles, Kernels kernels) {
    List<ComponentSpec> specs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      specs.add(ComponentSpec.of(PluginKind.LAYER, "l" + i));
    }
    ComponentFactory factory =
        new ComponentFactory() {
          @Override
          public <T> T create(ComponentSpec spec, Class<T> type) {
            calls.add("create " + spec.id());
            if (spec.kind() == PluginKind.ACTIVATION) {
              return type.cast(new Square());
            }
            return type.cast(layers.get(Integer.parseInt(spec.id().substring(1))));
          }
        };
    return Network.build(specs, 2, 4, doubles, factory, kernels, new Rng(1));
  }

  @Test
  void buildCreatesEachLayerForThePreviousOnesWidthWithItsOwnNameStreamAndActivation() {
    Scale first = new Scale(1, SQUARE, null);
    Scale second = new Scale(0, null, null);
    Kernels kernels = Kernels.singleThreaded();
    Network n = network(List.of(first, second), false, kernels);
    assertThat(calls)
        .containsExactly(
            "create l0", "build layers.0 2", "create square", "create l1", "build layers.1 3");
    assertThat(n.layers()).containsExactly(first, second);
    assertThat(n.inputSize()).isEqualTo(2);
    assertThat(n.outputSize()).isEqualTo(3);
    assertThat(n.kernels()).isSameAs(kernels);
    assertThat(first.context.kernels()).isSameAs(kernels);
    assertThat(first.context.maxBatchRows()).isEqualTo(4);
    assertThat(first.context.matrix(1, 1).isDouble()).isFalse();
    assertThat(first.context.create(SQUARE, Activation.class)).isInstanceOf(Square.class);
    assertThat(n.streams()).containsOnlyKeys("layers.0", "layers.1");
    assertThat(n.streams().get("layers.0")).isSameAs(first.context.rng());
    assertThat(n.streams().get("layers.1")).isSameAs(second.context.rng());
    Rng split = new Rng(1);
    assertThat(n.streams().get("layers.0").nextLong()).isEqualTo(split.split().nextLong());
    assertThat(n.outputActivation()).isNull();
    assertThat(n.parameterCount()).isEqualTo(2);
    assertThat(n.parameters())
        .extracting(Parameter::name)
        .containsExactly("layers.0.scale", "layers.1.scale");
    assertThat(n.tensors().keySet())
        .containsExactly("layers.0.scale", "layers.0.seen", "layers.1.scale", "layers.1.seen");
    assertThat(n.tensors().get("layers.0.scale")).isSameAs(n.parameters().get(0).value());
    assertThatThrownBy(() -> n.parameters().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> n.tensors().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void doublePrecisionGivesLayersFloat64Matrices() {
    Scale only = new Scale(0, SQUARE, null);
    Network n = network(List.of(only), true, Kernels.singleThreaded());
    assertThat(only.context.matrix(1, 1).isDouble()).isTrue();
    assertThat(n.outputActivation()).isEqualTo(SQUARE);
    Matrix out = n.forward(Matrix.wrap(1, 2, new double[] {1, 2}), false);
    assertThat(out.isDouble()).isTrue();
  }

  @Test
  void twoTensorsOfOneNameAreRefused() {
    assertThatThrownBy(
            () ->
                network(
                    List.of(new Scale(0, null, "same"), new Scale(0, null, "same")),
                    false,
                    Kernels.singleThreaded()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("two tensors of the network are named same.scale");
  }

  @Test
  void initializeGoesThroughTheLayersInOrderFromOneStream() {
    Network n =
        network(
            List.of(new Scale(0, null, null), new Scale(0, null, null)),
            false,
            Kernels.singleThreaded());
    calls.clear();
    assertThat(n.initialize(new Rng(5))).isSameAs(n);
    assertThat(calls).containsExactly("initialize layers.0", "initialize layers.1");
    Rng same = new Rng(5);
    assertThat(n.parameters().get(0).value().get(0))
        .isEqualTo(1 + Math.floor(same.nextDouble() * 3));
    assertThat(n.parameters().get(1).value().get(0))
        .isEqualTo(1 + Math.floor(same.nextDouble() * 3));
  }

  @Test
  void forwardRunsEachLayerThenItsActivation() {
    Scale first = new Scale(0, SQUARE, null);
    Scale second = new Scale(0, SQUARE, null);
    Network n = network(List.of(first, second), false, Kernels.singleThreaded());
    n.parameters().get(0).value().set(0, 2);
    n.parameters().get(1).value().set(0, 3);
    calls.clear();
    Matrix out = n.forward(Matrix.wrap(2, 2, new float[] {1, 2, -1, 0.5f}), true);
    assertThat(calls).containsExactly("forward layers.0 true", "forward layers.1 true");
    // (3 · (2x)²)²
    assertThat(out.rows()).isEqualTo(2);
    assertThat(out.floats()).startsWith(144f, 2304f, 144f, 9f);
    assertThat(n.preActivationOutput().floats()).startsWith(12f, 48f, 12f, 3f);
    assertThatThrownBy(() -> n.forward(Matrix.floats(1, 3), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input has 3 features, the network takes 2");
  }

  @Test
  void aLayerWithoutActivationPassesItsOutputOn() {
    Network n =
        network(
            List.of(new Scale(0, null, null), new Scale(0, null, null)),
            false,
            Kernels.singleThreaded());
    n.parameters().get(0).value().set(0, 2);
    n.parameters().get(1).value().set(0, 3);
    Matrix out = n.forward(Matrix.wrap(1, 2, new float[] {1, 2}), false);
    assertThat(out.floats()).startsWith(6f, 12f);
    assertThat(out).isSameAs(n.preActivationOutput());
  }

  @Test
  void backwardGoesThroughEveryActivationAndSkipsTheInputsGradient() {
    Scale first = new Scale(0, SQUARE, null);
    Scale second = new Scale(0, SQUARE, null);
    Network n = network(List.of(first, second), false, Kernels.singleThreaded());
    n.parameters().get(0).value().set(0, 2);
    n.parameters().get(1).value().set(0, 3);
    n.forward(Matrix.wrap(1, 1 + 1, new float[] {1, 0}), true);
    calls.clear();
    n.backward(Matrix.wrap(1, 2, new float[] {1, 0}));
    assertThat(calls).containsExactly("backward layers.1", "backwardToParameters layers.0");
    // x=1: h = (2x)² = 4, z = 3h = 12, y = z² = 144.
    // dy/dz = 2z = 24; d/ds2 = 24·h = 96; dh = 24·3 = 72; dz1 = 72·2·(2x) = 288; d/ds1 = 288·x.
    assertThat(n.parameters().get(1).gradient().get(0)).isEqualTo(96.0);
    assertThat(n.parameters().get(0).gradient().get(0)).isEqualTo(288.0);
  }

  @Test
  void backwardFromPreActivationSkipsOnlyTheLastActivation() {
    Scale first = new Scale(0, SQUARE, null);
    Scale second = new Scale(0, SQUARE, null);
    Network n = network(List.of(first, second), false, Kernels.singleThreaded());
    n.parameters().get(0).value().set(0, 2);
    n.parameters().get(1).value().set(0, 3);
    n.forward(Matrix.wrap(1, 2, new float[] {1, 0}), true);
    n.backwardFromPreActivation(Matrix.wrap(1, 2, new float[] {1, 0}));
    // dz2 = 1: d/ds2 = h = 4; dh = 3; dz1 = 3·2·2 = 12; d/ds1 = 12.
    assertThat(n.parameters().get(1).gradient().get(0)).isEqualTo(4.0);
    assertThat(n.parameters().get(0).gradient().get(0)).isEqualTo(12.0);
  }

  @Test
  void aSingleLayerNetworkTakesOnlyItsParametersGradient() {
    Network n = network(List.of(new Scale(0, SQUARE, null)), false, Kernels.singleThreaded());
    n.parameters().get(0).value().set(0, 2);
    n.forward(Matrix.wrap(1, 2, new float[] {1, 3}), true);
    calls.clear();
    n.backward(Matrix.wrap(1, 2, new float[] {1, 1}));
    assertThat(calls).containsExactly("backwardToParameters layers.0");
    // y = (2x)²: dz = 2·2x; d/ds = Σ dz·x = 4·1 + 12·3.
    assertThat(n.parameters().get(0).gradient().get(0)).isEqualTo(40.0);
    n.backwardFromPreActivation(Matrix.wrap(1, 2, new float[] {1, 1}));
    assertThat(n.parameters().get(0).gradient().get(0)).isEqualTo(4.0);
  }
}
