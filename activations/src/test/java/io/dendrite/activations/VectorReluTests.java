package io.dendrite.activations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ReLU's float32 loops, on the Vector API or not, give the definition's values on long rows. */
class VectorReluTests {
  @Test
  void forwardAndBackwardMatchTheDefinitionOnEveryValueIncludingTheOddOnes() {
    int rows = 17;
    int cols = 59; // neither a multiple of any vector width
    Matrix z = Matrix.floats(rows, cols);
    Matrix g = Matrix.floats(rows, cols);
    SplittableRandom random = new SplittableRandom(5);
    float[] odd = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f};
    for (int i = 0; i < z.size(); i++) {
      z.set(i, i % 13 == 0 ? odd[(i / 13) % odd.length] : random.nextGaussian());
      g.set(i, random.nextGaussian());
    }
    ReluActivation relu = new ReluActivation();
    Matrix a = Matrix.floats(rows, cols);
    Matrix gz = Matrix.floats(rows, cols);
    relu.forward(z, a);
    relu.backward(z, a, g, gz);
    for (int i = 0; i < z.size(); i++) {
      float x = (float) z.get(i);
      assertThat(Float.floatToRawIntBits((float) a.get(i)))
          .as("relu(%s) at %d", x, i)
          .isEqualTo(Float.floatToRawIntBits(x > 0f ? x : 0f));
      assertThat(Float.floatToRawIntBits((float) gz.get(i)))
          .as("relu'(%s) at %d", x, i)
          .isEqualTo(Float.floatToRawIntBits(x > 0f ? (float) g.get(i) : 0f));
    }
  }
}
