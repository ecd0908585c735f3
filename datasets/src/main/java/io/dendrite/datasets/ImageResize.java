package io.dendrite.datasets;

import java.util.Locale;

/** Resizes one channel of an image, held as floats 0..255 row by row. */
enum ImageResize {
  /**
   * Each output pixel the mean of the source area it covers (PIL's BOX, OpenCV's INTER_AREA).
   *
   * <p>Partial pixels are weighted by their share: the sharpest downscaling without aliasing.
   */
  AREA,
  /**
   * Each output pixel interpolated between the four source pixels around its centre.
   *
   * <p>Pixel centres are aligned as in PyTorch with {@code align_corners=False}.
   */
  BILINEAR;

  static ImageResize of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** {@code source} ({@code sw x sh}) resized to {@code dw x dh}. */
  float[] resize(float[] source, int sw, int sh, int dw, int dh) {
    if (sw == dw && sh == dh) {
      return source;
    }
    return this == AREA ? area(source, sw, sh, dw, dh) : bilinear(source, sw, sh, dw, dh);
  }

  private static float[] bilinear(float[] s, int sw, int sh, int dw, int dh) {
    float[] out = new float[dw * dh];
    double sx = (double) sw / dw;
    double sy = (double) sh / dh;
    for (int y = 0; y < dh; y++) {
      double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
      int y0 = (int) fy;
      int y1 = Math.min(sh - 1, y0 + 1);
      double wy = fy - y0;
      for (int x = 0; x < dw; x++) {
        double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sx - 0.5));
        int x0 = (int) fx;
        int x1 = Math.min(sw - 1, x0 + 1);
        double wx = fx - x0;
        double top = s[y0 * sw + x0] * (1 - wx) + s[y0 * sw + x1] * wx;
        double bottom = s[y1 * sw + x0] * (1 - wx) + s[y1 * sw + x1] * wx;
        out[y * dw + x] = (float) (top * (1 - wy) + bottom * wy);
      }
    }
    return out;
  }

  /** Separable: columns first, then rows, each a weighted mean over the covered span. */
  private static float[] area(float[] s, int sw, int sh, int dw, int dh) {
    float[] wide = new float[dw * sh];
    for (int y = 0; y < sh; y++) {
      averageSpans(s, y * sw, 1, sw, wide, y * dw, 1, dw);
    }
    float[] out = new float[dw * dh];
    for (int x = 0; x < dw; x++) {
      averageSpans(wide, x, dw, sh, out, x, dw, dh);
    }
    return out;
  }

  /**
   * Resamples {@code n} values of {@code in} (from {@code inStart}, {@code inStep} apart) to {@code
   * m} values of {@code out}: each the mean over its share of the input, which upscaling makes a
   * nearest-neighbour copy and downscaling a box filter.
   */
  private static void averageSpans(
      float[] in, int inStart, int inStep, int n, float[] out, int outStart, int outStep, int m) {
    double scale = (double) n / m;
    for (int i = 0; i < m; i++) {
      double from = i * scale;
      double to = (i + 1) * scale;
      int first = (int) Math.floor(from);
      int last = Math.min(n - 1, (int) Math.ceil(to) - 1);
      double sum = 0;
      double weight = 0;
      for (int k = first; k <= last; k++) {
        double w = Math.min(to, k + 1) - Math.max(from, k);
        if (w > 0) {
          sum += w * in[inStart + k * inStep];
          weight += w;
        }
      }
      out[outStart + i * outStep] = (float) (sum / weight);
    }
  }
}
