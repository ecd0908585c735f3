package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.Plugin;
import io.dendrite.testkit.DatasetContract;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code image_folder} makes of a folder of PNG and JPEG files, and of broken ones. */
class ImageFolderDatasetTests {
  @TempDir static Path images;

  @TempDir Path dir;

  /** cat/ holds a 4x4 gray PNG of four 2x2 blocks and a red 2x2 PNG; dog/ a JPEG, deeper. */
  @BeforeAll
  static void writeImages() throws IOException {
    BufferedImage blocks = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
    int[] levels = {0, 100, 200, 40};
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        blocks.getRaster().setSample(x, y, 0, levels[(y / 2) * 2 + x / 2]);
      }
    }
    write(blocks, "png", images.resolve("cat/a-blocks.png"));
    BufferedImage red = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 2; x++) {
        red.setRGB(x, y, 0xFF0000);
      }
    }
    write(red, "png", images.resolve("cat/b-red.PNG"));
    BufferedImage white = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        white.setRGB(x, y, 0xFFFFFF);
      }
    }
    write(white, "jpg", images.resolve("dog/deeper/white.jpg"));
    Files.writeString(images.resolve("dog/notes.txt"), "not an image: ignored");
    Files.createDirectories(images.resolve(".hidden"));
  }

  private static void write(BufferedImage image, String format, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
  }

  @Test
  void classesAreTheSortedFolderNamesAndImagesStayBytes() {
    Examples e = load(images, Map.of("width", 2, "height", 2));
    assertThat(e.classNames()).containsExactly("cat", "dog");
    assertThat(e.size()).isEqualTo(3);
    assertThat(e.featureCount()).isEqualTo(4);
    assertThat(e.features().bytes()).isEqualTo(12);
    assertThat(e.label(0)).isZero();
    assertThat(e.label(2)).isEqualTo(1);
  }

  @Test
  void areaResizingAveragesBlocksAndGrayIsReadAsIs() {
    float[] blocks = row(load(images, Map.of("width", 2, "height", 2)), 0);
    assertThat(blocks).containsExactly(0f, 100 / 255f, 200 / 255f, 40 / 255f);
    float[] one = row(load(images, Map.of("width", 1, "height", 1)), 0);
    assertThat(one[0]).isCloseTo(85 / 255f, within(0.5f / 255));
  }

  @Test
  void grayscaleIsLumaAndRgbIsChannelByChannel() {
    float[] gray = row(load(images, Map.of("width", 2, "height", 2)), 1);
    assertThat(gray[0]).isCloseTo(76 / 255f, within(1f / 255));
    Examples rgb = load(images, Map.of("width", 2, "height", 2, "color", "rgb"));
    assertThat(rgb.featureCount()).isEqualTo(12);
    assertThat(row(rgb, 1)).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    float[] white = row(rgb, 2);
    for (float v : white) {
      assertThat(v).isCloseTo(1f, within(2f / 255));
    }
  }

  @Test
  void bilinearUpscalingInterpolates() {
    float[] up = row(load(images, Map.of("width", 8, "height", 8, "resize", "bilinear")), 0);
    assertThat(up[0]).isEqualTo(0f);
    assertThat(up[7]).isEqualTo(100 / 255f);
    assertThat(up[3]).isStrictlyBetween(0f, 100 / 255f);
  }

  @Test
  void anEmptyClassFolderIsAnError() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a/1.png"));
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/readme.txt"), "no images here");
    assertThat(failure(dir))
        .isEqualTo(
            dir.resolve("b")
                + ": the class folder holds no PNG or JPEG file (.png, .jpg, .jpeg); every class"
                + " needs at least one image, or remove the folder");
  }

  @Test
  void aDamagedImageIsNamed() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a/1.png"));
    byte[] png = Files.readAllBytes(dir.resolve("a/1.png"));
    Path cut = dir.resolve("a/2.png");
    Files.write(cut, java.util.Arrays.copyOf(png, 40));
    assertThat(failure(dir)).startsWith(cut + ": cannot decode it as PNG (");
    Path text = dir.resolve("a/3.jpg");
    Files.writeString(text, "hello");
    Files.delete(cut);
    assertThat(failure(dir)).startsWith(text + ": not a PNG or JPEG image");
  }

  @Test
  void aFolderWithoutClassFoldersOrNoFolderAtAll() throws IOException {
    Files.writeString(dir.resolve("1.png"), "x");
    assertThat(failure(dir)).startsWith(dir + ": no class folders; expected one sub-folder");
    assertThat(failure(dir.resolve("nowhere")))
        .startsWith(dir.resolve("nowhere") + ": no such folder");
  }

  @Test
  void anImageDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a/1.png"));
    byte[] png = Files.readAllBytes(dir.resolve("a/1.png"));
    // The IHDR chunk's width and height follow the 8-byte signature and the chunk's 8 bytes.
    java.nio.ByteBuffer.wrap(png).putInt(16, 100_000).putInt(20, 100_000);
    Files.write(dir.resolve("a/1.png"), png);
    assertThat(failure(dir))
        .startsWith(dir.resolve("a/1.png") + ": its header declares 100000x100000 pixels");
  }

  @Nested
  class Contract extends DatasetContract {
    @Override
    protected Plugin<Dataset> plugin() {
      return new ImageFolderDataset.Plugin();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("path", images, "width", 3, "height", 3);
    }
  }

  private static float[] row(Examples e, int row) {
    float[] out = new float[e.featureCount()];
    e.features().copyRow(row, out, 0);
    return out;
  }

  private static String failure(Path folder) {
    try {
      load(folder, Map.of("width", 2, "height", 2));
    } catch (DendriteException e) {
      assertThat(e.kind()).isEqualTo(DendriteException.Kind.DATA);
      return e.getMessage();
    }
    return fail("expected a DendriteException loading %s", folder);
  }

  private static Examples load(Path folder, Map<String, Object> extra) {
    ImageFolderDataset.Plugin plugin = new ImageFolderDataset.Plugin();
    Map<String, Object> given = new HashMap<>(extra);
    given.put("path", folder);
    try {
      return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
    } catch (UncheckedIOException e) {
      throw new AssertionError(e);
    }
  }
}
