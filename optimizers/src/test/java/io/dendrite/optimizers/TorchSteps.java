package io.dendrite.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.spi.Optimizer;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.List;
import org.assertj.core.data.Offset;

/**
 * Three optimizer steps on two float32 parameters with fixed gradients, replayed from a PyTorch
 * 1.13 script that set {@code p.grad} to the same tensors before each {@code opt.step()}.
 */
final class TorchSteps {
  private TorchSteps() {}

  static final float[] WEIGHT = {0.5f, -1.25f, 2.0f, 0.0f, 0.75f, -0.3f};
  static final float[] BIAS = {0.1f, -0.2f, 0.05f};
  static final float[][] WEIGHT_GRADIENTS = {
    {0.3f, -0.1f, 0.8f, -0.5f, 0.02f, 1.5f},
    {0.25f, -0.3f, 0.6f, -0.4f, 0.1f, 1.0f},
    {-0.2f, 0.4f, 0.1f, 0.3f, -0.6f, 0.9f}
  };
  static final float[][] BIAS_GRADIENTS = {
    {1.0f, -2.0f, 0.0f}, {0.5f, -1.0f, 0.25f}, {-0.5f, 0.5f, 0.1f}
  };

  /** {@code [weight, bias]} after three steps of {@code optimizer}. */
  static List<Parameter> run(Optimizer optimizer) {
    Parameter weight =
        new Parameter("layers.0.weight", Matrix.wrap(2, 3, WEIGHT.clone()), Matrix.floats(2, 3));
    Parameter bias =
        new Parameter("layers.0.bias", Matrix.wrap(1, 3, BIAS.clone()), Matrix.floats(1, 3));
    List<Parameter> params = List.of(weight, bias);
    for (int step = 0; step < 3; step++) {
      System.arraycopy(WEIGHT_GRADIENTS[step], 0, weight.gradient().floats(), 0, 6);
      System.arraycopy(BIAS_GRADIENTS[step], 0, bias.gradient().floats(), 0, 3);
      optimizer.step(params);
    }
    return params;
  }

  /**
   * Asserts weight then bias values, each within two float32 rounding steps at the scale {@code
   * max(1, |value|)}: PyTorch's vectorized kernels may fuse a multiply and an add, so bit-for-bit
   * equality is not to be expected everywhere, though most values do match exactly.
   */
  static void assertValues(List<Parameter> params, float... expected) {
    float[] weight = params.get(0).value().floats();
    float[] bias = params.get(1).value().floats();
    for (int i = 0; i < expected.length; i++) {
      float actual = i < 6 ? weight[i] : bias[i - 6];
      assertThat(actual)
          .as("value [%d] after three steps, PyTorch gives %s", i, expected[i])
          .isCloseTo(expected[i], Offset.offset(2 * Math.ulp(Math.max(1f, Math.abs(expected[i])))));
    }
  }
}
