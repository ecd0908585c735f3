package io.dendrite.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterTests {
  @Test
  void theGradientHasTheValuesShape() {
    assertThatThrownBy(() -> new Parameter("w", Matrix.floats(2, 3), Matrix.floats(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape 3x2 does not match 2x3");
    assertThatThrownBy(() -> new Parameter(null, Matrix.floats(1, 1), Matrix.floats(1, 1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void zerosTakesTheShapeAndPrecisionAsked() {
    Parameter p = Parameter.zeros("layers.0.bias", Matrix.doubles(0, 0), 1, 4);
    assertThat(p.value().isDouble()).isTrue();
    assertThat(p.gradient().isDouble()).isTrue();
    assertThat(p.value().cols()).isEqualTo(4);
    assertThat(p.value()).isNotSameAs(p.gradient());
  }
}
