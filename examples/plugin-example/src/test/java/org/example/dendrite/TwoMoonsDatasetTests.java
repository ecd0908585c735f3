package org.example.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.DatasetContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dataset contract, and the shape of what it draws. */
class TwoMoonsDatasetTests extends DatasetContract {
  @Override
  protected Plugin<Dataset> plugin() {
    return new TwoMoonsDataset.Plugin();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("samples", 50);
  }

  @Test
  void drawsTwoFeaturesAndHalfOfEachClass() {
    Examples e = load();
    assertThat(e.size()).isEqualTo(50);
    assertThat(e.featureCount()).isEqualTo(2);
    assertThat(e.classNames()).containsExactly("upper", "lower");
    int lower = 0;
    for (int r = 0; r < e.size(); r++) {
      lower += e.label(r);
    }
    assertThat(lower).isEqualTo(25);
  }
}
