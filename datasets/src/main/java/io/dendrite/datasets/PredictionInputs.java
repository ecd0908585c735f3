package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Features;
import io.dendrite.core.tensor.Matrix;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * New inputs for a model trained on an image dataset: IDX image files, and PNG or JPEG pictures
 * made to look like the training images.
 *
 * <p>A picture of a handwritten digit is turned into an MNIST digit the way MNIST's were made: dark
 * ink on light paper is inverted to light on black, the ink's bounding box is scaled to fit 20x20
 * pixels keeping its aspect ratio, and placed in the 28x28 frame with its centre of mass in the
 * middle. Other pictures are scaled whole to fit the frame. A picture already of the frame's size
 * on a dark background is taken as it is.
 */
final class PredictionInputs {
  /** What {@link #read} reads, for messages. */
  static final String FORMATS = "PNG or JPEG images and IDX image files";

  private PredictionInputs() {}

  /**
   * The examples in {@code file}, as {@code width x height} images mapped by {@code normalization};
   * empty when it is neither an image nor an IDX file.
   *
   * @param digits center handwriting as MNIST does (else scale the whole picture)
   */
  static Optional<Features> read(
      Path file, int width, int height, Normalization normalization, boolean digits) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (ImageFile.isImageName(name)) {
      byte[] pixels = picture(ImageFile.read(file), width, height, digits, file);
      return Optional.of(Features.ofBytes(1, width * height, pixels, normalization.table()));
    }
    if (name.contains("idx") || name.contains("ubyte")) {
      return Optional.of(idx(file, width * height, normalization));
    }
    return Optional.empty();
  }

  private static Features idx(Path file, int values, Normalization normalization) {
    try (IdxInput in = IdxInput.open(file, IdxKind.IMAGES)) {
      IdxHeader header = in.readHeader(IdxKind.IMAGES);
      if (header.recordValues() != values) {
        throw DendriteException.data(
            file
                + ": its images have "
                + header.recordValues()
                + " values each, but the model takes "
                + values);
      }
      int count = header.count();
      if (header.type().isByte()) {
        return Features.ofBytes(
            count, values, in.readBytes(count), normalization.table(header.type()));
      }
      Matrix m = Matrix.floats(count, values);
      System.arraycopy(in.readFloats(count), 0, m.floats(), 0, count * values);
      return Features.of(m);
    }
  }

  /** The picture as training-like pixels, 0 to 255, light on dark. */
  static byte[] picture(BufferedImage image, int width, int height, boolean digits, Path file) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] gray = ImageFile.channels(image, w, h, false)[0];
    float background = borderMean(gray, w, h);
    if (background > 127.5f) {
      for (int i = 0; i < gray.length; i++) {
        gray[i] = 255 - gray[i];
      }
      background = 255 - background;
    }
    if (w == width && h == height && background < 64) {
      return bytes(gray);
    }
    // Paper is never quite white nor ink quite black: stretch what is above the paper to 0..255.
    float max = 0;
    for (float v : gray) {
      max = Math.max(max, v);
    }
    float floor = Math.min(background * 1.5f, max * 0.5f);
    float range = max - floor;
    if (range < 16) {
      throw DendriteException.data(
          file
              + ": the picture has no contrast; expected dark writing on light paper, or the"
              + " reverse");
    }
    for (int i = 0; i < gray.length; i++) {
      gray[i] = Math.max(0, gray[i] - floor) * 255 / range;
    }
    return digits ? digit(gray, w, h, width, height, file) : whole(gray, w, h, width, height);
  }

  private static byte[] digit(float[] gray, int w, int h, int width, int height, Path file) {
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (gray[y * w + x] > 64) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) {
      throw DendriteException.data(file + ": no writing found in the picture");
    }
    int bw = x1 - x0 + 1;
    int bh = y1 - y0 + 1;
    float[] box = new float[bw * bh];
    for (int y = 0; y < bh; y++) {
      System.arraycopy(gray, (y0 + y) * w + x0, box, y * bw, bw);
    }
    // MNIST: the digit fits a 20x20 box of the 28x28 frame.
    double fit = Math.min(width, height) * 20.0 / 28 / Math.max(bw, bh);
    int dw = Math.max(1, (int) Math.round(bw * fit));
    int dh = Math.max(1, (int) Math.round(bh * fit));
    float[] small = ImageResize.AREA.resize(box, bw, bh, dw, dh);
    double mass = 0;
    double cx = 0;
    double cy = 0;
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        float v = small[y * dw + x];
        mass += v;
        cx += v * (x + 0.5);
        cy += v * (y + 0.5);
      }
    }
    int left = (int) Math.round(width / 2.0 - (mass > 0 ? cx / mass : dw / 2.0));
    int top = (int) Math.round(height / 2.0 - (mass > 0 ? cy / mass : dh / 2.0));
    left = Math.max(0, Math.min(width - dw, left));
    top = Math.max(0, Math.min(height - dh, top));
    float[] frame = new float[width * height];
    for (int y = 0; y < dh; y++) {
      System.arraycopy(small, y * dw, frame, (top + y) * width + left, dw);
    }
    return bytes(frame);
  }

  private static byte[] whole(float[] gray, int w, int h, int width, int height) {
    double fit = Math.min((double) width / w, (double) height / h);
    int dw = Math.max(1, Math.min(width, (int) Math.round(w * fit)));
    int dh = Math.max(1, Math.min(height, (int) Math.round(h * fit)));
    float[] small = ImageResize.AREA.resize(gray, w, h, dw, dh);
    float[] frame = new float[width * height];
    int left = (width - dw) / 2;
    int top = (height - dh) / 2;
    for (int y = 0; y < dh; y++) {
      System.arraycopy(small, y * dw, frame, (top + y) * width + left, dw);
    }
    return bytes(frame);
  }

  private static float borderMean(float[] g, int w, int h) {
    double sum = 0;
    int n = 0;
    for (int x = 0; x < w; x++) {
      sum += g[x] + g[(h - 1) * w + x];
      n += 2;
    }
    for (int y = 1; y < h - 1; y++) {
      sum += g[y * w] + g[y * w + w - 1];
      n += 2;
    }
    return (float) (sum / n);
  }

  private static byte[] bytes(float[] v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(v[i])));
    }
    return out;
  }
}
