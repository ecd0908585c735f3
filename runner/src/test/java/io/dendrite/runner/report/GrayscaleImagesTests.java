package io.dendrite.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Features;
import io.dendrite.core.tensor.Matrix;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class GrayscaleImagesTests {
  private static Features features(int rows, int cols, float value) {
    float[] values = new float[rows * cols];
    java.util.Arrays.fill(values, value);
    return Features.of(Matrix.wrap(rows, cols, values));
  }

  @Test
  void squareFeaturesInZeroToOneAreImagesWithBlackAtZeroAndWhiteAtOne() throws IOException {
    float[] values = new float[2 * 64];
    values[64 + 9] = 1f; // second example, row 1, column 1
    values[64 + 10] = 0.5f;
    GrayscaleImages images =
        GrayscaleImages.of(Features.of(Matrix.wrap(2, 64, values))).orElseThrow();
    assertThat(images.side()).isEqualTo(8);
    BufferedImage image = ReportPageXml.image(images.png(1));
    assertThat(image.getWidth()).isEqualTo(8);
    assertThat(image.getHeight()).isEqualTo(8);
    assertThat(image.getRaster().getSample(1, 1, 0)).isEqualTo(255);
    assertThat(image.getRaster().getSample(2, 1, 0)).isEqualTo(128);
    assertThat(image.getRaster().getSample(0, 0, 0)).isZero();
  }

  @Test
  void pixelBytesKeptAsTheyAreAreImagesToo() throws IOException {
    GrayscaleImages images = GrayscaleImages.of(features(1, 784, 200f)).orElseThrow();
    assertThat(ReportPageXml.image(images.png(0)).getRaster().getSample(5, 5, 0)).isEqualTo(200);
  }

  @Test
  void tablesAndStandardizedFeaturesAreNoImages() {
    assertThat(GrayscaleImages.of(features(3, 10, 0.5f))).as("not a square").isEmpty();
    assertThat(GrayscaleImages.of(features(3, 16, 0.5f))).as("too small a square").isEmpty();
    assertThat(GrayscaleImages.of(features(3, 784, -0.4f))).as("standardized").isEmpty();
    assertThat(GrayscaleImages.of(features(3, 784, Float.NaN))).isEmpty();
    assertThat(GrayscaleImages.of(features(0, 784, 0f))).as("no examples").isEmpty();
  }
}
