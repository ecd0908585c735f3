package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.tensor.Matrix;
import java.util.List;
import java.util.Map;

/** The tensors tools/safetensors_check.py writes, built again in Java to compare exactly. */
final class TorchSample {
  static final List<String> NAMES = List.of("linear.weight", "linear.bias", "table", "scale");

  private TorchSample() {}

  /** Asserts that {@code tensors} hold the script's values, shapes and precisions. */
  static void assertMatches(Map<String, Matrix> tensors) {
    float[] weight = new float[12];
    for (int i = 0; i < weight.length; i++) {
      weight[i] = i / 8f - 0.5f;
    }
    double[] table = new double[6];
    for (int i = 0; i < table.length; i++) {
      table[i] = i / 3.0;
    }
    assertThat(tensors.get("linear.weight").toString()).isEqualTo("Matrix<f32>[3x4]");
    assertThat(tensors.get("linear.weight").floats()).containsExactly(weight);
    // A PyTorch vector (nn.Linear.bias) is one row.
    assertThat(tensors.get("linear.bias").toString()).isEqualTo("Matrix<f32>[1x3]");
    assertThat(tensors.get("linear.bias").floats()).containsExactly(0.5f, -1.5f, 2.25f);
    assertThat(tensors.get("table").toString()).isEqualTo("Matrix<f64>[2x3]");
    assertThat(tensors.get("table").doubles()).containsExactly(table);
    // A PyTorch scalar is 1 x 1.
    assertThat(tensors.get("scale").toString()).isEqualTo("Matrix<f32>[1x1]");
    assertThat(tensors.get("scale").floats()).containsExactly(3.5f);
  }
}
