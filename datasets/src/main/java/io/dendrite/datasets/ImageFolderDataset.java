package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images in one sub-folder per class (torchvision's ImageFolder layout), resized to one size.
 *
 * <p>They are kept as bytes, one per pixel and channel.
 */
public final class ImageFolderDataset implements Dataset {
  /** Larger images are refused before decoding: a header may claim any size. */
  static final long MAX_PIXELS = 1L << 27;

  static final Param<Path> PATH =
      Param.path(
          "path", "folder with one sub-folder of PNG or JPEG images per class; names sort classes");
  static final Param<Integer> WIDTH =
      Param.integer("width", 1, "width every image is resized to, in pixels")
          .atLeast(1)
          .atMost(4096)
          .required();
  static final Param<Integer> HEIGHT =
      Param.integer("height", 1, "height every image is resized to, in pixels")
          .atLeast(1)
          .atMost(4096)
          .required();
  static final Param<String> COLOR =
      Param.choice(
          "color",
          "grayscale",
          "grayscale: one value per pixel (ITU-R 601 luma); rgb: three, channel by channel",
          "grayscale",
          "rgb");
  static final Param<String> RESIZE =
      Param.choice(
          "resize",
          "area",
          "area: mean of the covered source pixels (best for shrinking); bilinear: interpolated",
          "area",
          "bilinear");

  /** Registers the dataset as {@code image_folder}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("image_folder", "PNG and JPEG images, one sub-folder per class, resized")
              .params(PATH, WIDTH, HEIGHT, COLOR, RESIZE),
          params ->
              new ImageFolderDataset(
                  params.get(PATH),
                  params.get(WIDTH),
                  params.get(HEIGHT),
                  params.get(COLOR).equals("rgb"),
                  ImageResize.of(params.get(RESIZE))));
    }
  }

  private final Path folder;
  private final int width;
  private final int height;
  private final boolean rgb;
  private final ImageResize resize;

  ImageFolderDataset(Path folder, int width, int height, boolean rgb, ImageResize resize) {
    this.folder = folder.toAbsolutePath().normalize();
    this.width = width;
    this.height = height;
    this.rgb = rgb;
    this.resize = resize;
  }

  @Override
  public Examples load(DatasetContext context) {
    List<Path> classFolders = classFolders();
    List<String> classNames = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path classFolder : classFolders) {
      List<Path> images = images(classFolder);
      if (images.isEmpty()) {
        throw DendriteException.data(
            classFolder
                + ": the class folder holds no PNG or JPEG file (.png, .jpg, .jpeg); every class"
                + " needs at least one image, or remove the folder");
      }
      int label = classNames.size();
      classNames.add(classFolder.getFileName().toString());
      for (Path image : images) {
        files.add(image);
        labels.add(label);
      }
    }
    int channels = rgb ? 3 : 1;
    int features = channels * width * height;
    long need = (long) files.size() * features + (long) files.size() * classNames.size() * 4;
    if ((long) files.size() * features > IdxInput.MAX_VALUES || need > freeMemory()) {
      throw DendriteException.data(
          folder
              + ": "
              + files.size()
              + " images of "
              + width
              + "x"
              + height
              + (rgb ? " RGB" : " grayscale")
              + " need "
              + IdxReader.size(need)
              + ", more than this Java process has free ("
              + IdxReader.size(freeMemory())
              + ") or one data set holds; use a smaller width and height, or give Java more"
              + " memory (DENDRITE_JAVA_OPTS=-Xmx8g)");
    }
    byte[] values = new byte[files.size() * features];
    int[] targets = new int[files.size()];
    for (int i = 0; i < files.size(); i++) {
      decode(files.get(i), values, i * features);
      targets[i] = labels.get(i);
    }
    return Examples.classification(
        Features.ofBytes(files.size(), features, values, Normalization.UNIT.table()),
        targets,
        classNames,
        String.format(
            Locale.ROOT,
            "%s (%d images in %d classes, resized to %dx%d, %s)",
            folder,
            files.size(),
            classNames.size(),
            width,
            height,
            rgb ? "rgb" : "grayscale"));
  }

  private List<Path> classFolders() {
    if (!Files.isDirectory(folder)) {
      throw DendriteException.data(
          folder
              + (Files.exists(folder) ? ": is a file" : ": no such folder")
              + "; expected a folder with one sub-folder of images per class");
    }
    List<Path> found;
    try (Stream<Path> entries = Files.list(folder)) {
      found =
          entries
              .filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      throw DendriteException.data(folder + ": cannot list it (" + e + ")", e);
    }
    if (found.isEmpty()) {
      throw DendriteException.data(
          folder
              + ": no class folders; expected one sub-folder per class holding its images, e.g. "
              + folder.resolve("cat")
              + "/1.png and "
              + folder.resolve("dog")
              + "/1.png");
    }
    return found;
  }

  /** The PNG and JPEG files under {@code classFolder}, at any depth, sorted by path. */
  private static List<Path> images(Path classFolder) {
    try (Stream<Path> entries = Files.walk(classFolder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> isImageName(p.getFileName().toString()))
          .sorted(Comparator.comparing(p -> classFolder.relativize(p).toString()))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw DendriteException.data(classFolder + ": cannot list it (" + e + ")", e);
    }
  }

  private static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.startsWith(".")
        && (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"));
  }

  private static long freeMemory() {
    Runtime r = Runtime.getRuntime();
    return r.maxMemory() - (r.totalMemory() - r.freeMemory());
  }

  /** Decodes {@code file}, resized, into {@code into} from {@code offset}: channel by channel. */
  private void decode(Path file, byte[] into, int offset) {
    BufferedImage image = read(file);
    int w = image.getWidth();
    int h = image.getHeight();
    float[][] planes = channels(image, w, h);
    int plane = width * height;
    for (int c = 0; c < planes.length; c++) {
      float[] resized = resize.resize(planes[c], w, h, width, height);
      for (int i = 0; i < plane; i++) {
        into[offset + c * plane + i] = (byte) Math.max(0, Math.min(255, Math.round(resized[i])));
      }
    }
  }

  private static BufferedImage read(Path file) {
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
  private float[][] channels(BufferedImage image, int w, int h) {
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
