package io.dendrite.runner.model;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/** Digits of the bundled MNIST sample, as pixel values and as picture files. */
final class SampleDigits {
  private static final String FOLDER = "/io/dendrite/datasets/mnist/";

  private final byte[] images;
  private final byte[] labels;

  SampleDigits() {
    images = read("t10k-images-idx3-ubyte.gz");
    labels = read("t10k-labels-idx1-ubyte.gz");
  }

  private static byte[] read(String name) {
    try (InputStream in =
        new GZIPInputStream(SampleDigits.class.getResourceAsStream(FOLDER + name))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int label(int i) {
    return labels[8 + i];
  }

  int pixel(int i, int p) {
    return images[16 + i * 784 + p] & 0xff;
  }

  /** Example {@code i}'s features as the dataset gives them: pixels from 0 to 1. */
  float[] features(int i) {
    float[] f = new float[784];
    for (int p = 0; p < 784; p++) {
      f[p] = pixel(i, p) / 255f;
    }
    return f;
  }

  /** Example {@code i} as a 28x28 grayscale PNG, white on black as in MNIST. */
  Path png(int i, Path file) throws IOException {
    BufferedImage b = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int p = 0; p < 784; p++) {
      b.getRaster().setSample(p % 28, p / 28, 0, pixel(i, p));
    }
    ImageIO.write(b, "png", file.toFile());
    return file;
  }

  /**
   * Example {@code i} as a photo would show it: dark ink on light paper, larger, off centre, in
   * colour, as a JPEG.
   */
  Path photo(int i, Path file) throws IOException {
    BufferedImage b = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = b.createGraphics();
    g.setColor(new java.awt.Color(236, 232, 225));
    g.fillRect(0, 0, 200, 160);
    g.dispose();
    for (int y = 0; y < 28 * 4; y++) {
      for (int x = 0; x < 28 * 4; x++) {
        int v = pixel(i, (y / 4) * 28 + x / 4);
        int ink = 236 - v * 200 / 255;
        b.setRGB(60 + x, 30 + y, (ink << 16) | ((ink - 4) << 8) | (ink - 10));
      }
    }
    ImageIO.write(b, "jpg", file.toFile());
    return file;
  }
}
