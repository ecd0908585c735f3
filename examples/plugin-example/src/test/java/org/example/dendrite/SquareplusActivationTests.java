package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.testkit.ActivationContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The activation contract, and known values. */
class SquareplusActivationTests extends ActivationContract {
  @Override
  protected Plugin<Activation> plugin() {
    return new SquareplusActivation.Plugin();
  }

  @Override
  protected List<Double> kinks() {
    return List.of(); // smooth everywhere: the gradient check may go near 0
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("b", 1.0); // the contract's checks with a sharper bend than the default
  }

  @Test
  void isHalfOfSqrtBAtZeroAndApproachesRelu() {
    Activation a = plugin().create(Params.defaults(plugin().params()));
    Matrix z = Matrix.doubles(1, 3);
    z.set(0, 0.0);
    z.set(1, 100.0);
    z.set(2, -100.0);
    Matrix out = Matrix.doubles(1, 3);
    a.forward(z, out);
    assertThat(out.get(0)).isEqualTo(1.0); // (0 + sqrt(4)) / 2
    assertThat(out.get(1)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(out.get(2)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.05));
  }
}
