package io.dendrite.runner.report;

import io.dendrite.core.data.Features;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Examples seen as pictures: features that are the pixels of square grayscale images, row by row,
 * in 0..1 (or 0..255).
 */
final class GrayscaleImages {
  /** Smaller squares are more likely a table of numbers than a picture. */
  private static final int MIN_SIDE = 8;

  private final Features features;
  private final int side;
  private final float scale;

  private GrayscaleImages(Features features, int side, float scale) {
    this.features = features;
    this.side = side;
    this.scale = scale;
  }

  /**
   * The images {@code features} hold, or empty when their count is not a square of at least 8 by 8
   * or some value is outside 0..255 (standardized features, for instance, are no longer pixels).
   */
  static Optional<GrayscaleImages> of(Features features) {
    int cols = features.cols();
    int side = (int) Math.round(Math.sqrt(cols));
    if (side < MIN_SIDE || side * side != cols || features.rows() == 0) {
      return Optional.empty();
    }
    float max = 0;
    float[] row = new float[cols];
    for (int r = 0; r < features.rows(); r++) {
      features.copyRow(r, row, 0);
      for (float v : row) {
        // Written so that NaN fails too.
        if (!(v >= 0 && v <= 255)) {
          return Optional.empty();
        }
        max = Math.max(max, v);
      }
    }
    return Optional.of(new GrayscaleImages(features, side, max <= 1 ? 255 : 1));
  }

  /** Pixels per side. */
  int side() {
    return side;
  }

  /** Example {@code row} as a grayscale PNG, {@link #side()} pixels square. */
  byte[] png(int row) throws IOException {
    float[] values = new float[side * side];
    features.copyRow(row, values, 0);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    int[] pixels = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      pixels[i] = Math.round(Math.min(255, values[i] * scale));
    }
    image.getRaster().setSamples(0, 0, side, side, 0, pixels);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
