package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Images in one sub-folder per class (torchvision's ImageFolder layout), resized to one size.
 *
 * <p>They are kept as bytes, one per pixel and channel.
 */
public final class ImageFolderDataset implements Dataset {
  /** Larger images are refused before decoding: a header may claim any size. */
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
    if ((long) files.size() * features > IdxInput.MAX_VALUES || need > ImageFile.freeMemory()) {
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
              + IdxReader.size(ImageFile.freeMemory())
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
          .filter(p -> ImageFile.isImageName(p.getFileName().toString()))
          .sorted(Comparator.comparing(p -> classFolder.relativize(p).toString()))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw DendriteException.data(classFolder + ": cannot list it (" + e + ")", e);
    }
  }

  /** Decodes {@code file}, resized, into {@code into} from {@code offset}: channel by channel. */
  private void decode(Path file, byte[] into, int offset) {
    BufferedImage image = ImageFile.read(file);
    int w = image.getWidth();
    int h = image.getHeight();
    float[][] planes = ImageFile.channels(image, w, h, rgb);
    int plane = width * height;
    for (int c = 0; c < planes.length; c++) {
      float[] resized = resize.resize(planes[c], w, h, width, height);
      for (int i = 0; i < plane; i++) {
        into[offset + c * plane + i] = (byte) Math.max(0, Math.min(255, Math.round(resized[i])));
      }
    }
  }

  @Override
  public Optional<Features> readInputs(Path file, DatasetContext context) {
    if (!ImageFile.isImageName(file.getFileName().toString())) {
      return Optional.empty();
    }
    int features = width * height * (rgb ? 3 : 1);
    byte[] values = new byte[features];
    decode(file, values, 0);
    return Optional.of(Features.ofBytes(1, features, values, Normalization.UNIT.table()));
  }

  @Override
  public String inputFormats() {
    return "PNG or JPEG images";
  }
}
