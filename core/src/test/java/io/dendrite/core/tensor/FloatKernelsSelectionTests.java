package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatKernelsSelectionTests {
  @Test
  void usesTheVectorApiWhenTheModuleIsPresent() {
    // The build starts tests with --add-modules jdk.incubator.vector.
    assertThat(FloatKernels.vectorAvailable()).isTrue();
    assertThat(FloatKernels.current()).isSameAs(VectorFloatKernels.INSTANCE);
  }

  @Test
  void findsImplementationsByName() {
    assertThat(FloatKernels.named("scalar")).isSameAs(ScalarFloatKernels.INSTANCE);
    assertThat(FloatKernels.named(" Vector ")).isSameAs(VectorFloatKernels.INSTANCE);
  }

  @Test
  void rejectsAnUnknownName() {
    assertThatThrownBy(() -> FloatKernels.named("gpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu");
  }
}
