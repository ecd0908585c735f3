package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** PNG and JPEG files decoded safely: the declared size is checked before any pixel is. */
final class ImageFile {
  static final long MAX_PIXELS = 1L << 27;

  private ImageFile() {}

  static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.startsWith(".")
        && (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"));
  }

  static long freeMemory() {
    Runtime r = Runtime.getRuntime();
    return r.maxMemory() - (r.totalMemory() - r.freeMemory());
  }

  static BufferedImage read(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw DendriteException.data(file + ": cannot open it");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw DendriteException.data(
            file
                + ": not a PNG or JPEG image (the bytes from offset 0 are neither); remove it, or"
                + " convert it");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w * h > MAX_PIXELS || w * h * 16 > freeMemory()) {
          throw DendriteException.data(
              file
                  + ": its header declares "
                  + w
                  + "x"
                  + h
                  + " pixels, too many to decode (at most "
                  + MAX_PIXELS
                  + " pixels, and this Java process has "
                  + IdxReader.size(freeMemory())
                  + " free); shrink the image first");
        }
        BufferedImage image = reader.read(0);
        if (image.getWidth() < 1 || image.getHeight() < 1) {
          throw DendriteException.data(file + ": the image has no pixels");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DendriteException d) {
        throw d;
      }
      throw DendriteException.data(
          file
              + ": cannot decode it as "
              + kind(file)
              + " ("
              + e.getMessage()
              + "); the file is damaged or cut short, or uses a colour format Java cannot read"
              + " (CMYK JPEG): re-save it as an RGB PNG or JPEG",
          e);
    }
  }

  private static String kind(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? "PNG" : "JPEG";
  }

  /**
   * The image's channels as floats 0..255: one plane for grayscale, three for RGB. Gray images are
   * read from their raster, since {@code getRGB} would convert their linear gray into sRGB.
   */
  static float[][] channels(BufferedImage image, int w, int h, boolean rgb) {
    Raster raster = image.getRaster();
    boolean gray =
        image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
    if (gray) {
      int bits = image.getColorModel().getComponentSize(0);
      double scale = 255.0 / ((1L << bits) - 1);
      float[] g = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          g[y * w + x] = (float) (raster.getSample(x, y, 0) * scale);
        }
      }
      return rgb ? new float[][] {g, g, g} : new float[][] {g};
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    if (rgb) {
      float[] r = new float[w * h];
      float[] g = new float[w * h];
      float[] b = new float[w * h];
      for (int i = 0; i < argb.length; i++) {
        r[i] = (argb[i] >> 16) & 0xff;
        g[i] = (argb[i] >> 8) & 0xff;
        b[i] = argb[i] & 0xff;
      }
      return new float[][] {r, g, b};
    }
    float[] l = new float[w * h];
    for (int i = 0; i < argb.length; i++) {
      l[i] =
          (float)
              (0.299 * ((argb[i] >> 16) & 0xff)
                  + 0.587 * ((argb[i] >> 8) & 0xff)
                  + 0.114 * (argb[i] & 0xff));
    }
    return new float[][] {l};
  }
}
