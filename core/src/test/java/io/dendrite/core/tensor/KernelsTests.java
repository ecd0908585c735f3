package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelsTests {
  private static final Kernels KERNELS = Kernels.singleThreaded();

  @Test
  void float32AndFloat64PathsAgree() {
    Matrix x = Matrix.wrap(3, 4, KernelFixtures.random(12, 1));
    Matrix w = Matrix.wrap(5, 4, KernelFixtures.random(20, 2));
    Matrix y = Matrix.floats(3, 5);
    Matrix y64 = Matrix.doubles(3, 5);

    KERNELS.multiplyTransposedB(x, w, y);
    KERNELS.multiplyTransposedB(x.toDoubles(), w.toDoubles(), y64);

    for (int i = 0; i < y.size(); i++) {
      assertThat(y.get(i)).isCloseTo(y64.get(i), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void theThreeFormsAreTheTrainingStepOfADenseLayer() {
    Matrix x = Matrix.wrap(2, 3, new float[] {1, 2, 3, 4, 5, 6});
    Matrix w = Matrix.wrap(2, 3, new float[] {1, 0, -1, 2, 1, 0});
    Matrix y = Matrix.floats(2, 2);
    KERNELS.multiplyTransposedB(x, w, y);
    assertThat(y.floats()).containsExactly(-2, 4, -2, 13);

    Matrix dy = Matrix.wrap(2, 2, new float[] {1, 0, 0, 1});
    Matrix dx = Matrix.floats(2, 3);
    KERNELS.multiply(dy, w, dx);
    assertThat(dx.floats()).containsExactly(1, 0, -1, 2, 1, 0);

    Matrix dw = Matrix.floats(2, 3);
    KERNELS.multiplyTransposedA(dy, x, dw);
    assertThat(dw.floats()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void usesOnlyTheRowsInUse() {
    Matrix x = Matrix.floats(8, 2).fill(1);
    x.setRows(3);
    Matrix w = Matrix.floats(4, 2).fill(1);
    Matrix y = Matrix.floats(8, 4).fill(-1);
    y.setRows(3);
    KERNELS.multiplyTransposedB(x, w, y);
    y.setRows(8);
    for (int i = 0; i < 8; i++) {
      assertThat(y.get(i, 0)).isEqualTo(i < 3 ? 2 : -1);
    }
  }

  @Test
  void rejectsShapesThatDoNotFit() {
    assertThatThrownBy(
            () -> KERNELS.multiply(Matrix.floats(2, 3), Matrix.floats(4, 5), Matrix.floats(2, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2x3");
  }

  @Test
  void kernelsGiveThePoolTheyRunOn() {
    ComputePool pool = ComputePool.create(2);
    try {
      Kernels k = new Kernels(pool);
      assertThat(k.pool()).isSameAs(pool);
      assertThat(k.threads()).isEqualTo(2);
      assertThat(Kernels.singleThreaded().pool()).isSameAs(ComputePool.singleThreaded());
      assertThat(Kernels.singleThreaded().threads()).isEqualTo(1);
    } finally {
      pool.close();
    }
  }
}
