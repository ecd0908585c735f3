package io.dendrite.datasets;

import static io.dendrite.datasets.IdxFiles.cyclicLabels;
import static io.dendrite.datasets.IdxFiles.gzip;
import static io.dendrite.datasets.IdxFiles.images;
import static io.dendrite.datasets.IdxFiles.labels;
import static io.dendrite.datasets.IdxFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code idx} dataset makes of good files. */
class IdxDatasetTests {
  @TempDir Path dir;

  @Test
  void readsImagesAsRowsOfPixelsScaledToUnitRange() {
    Path images = write(dir, "images.idx", images(3, 2, 4));
    Path labels = write(dir, "labels.idx", labels(7, 0, 9));
    Examples examples = load(images, labels, Map.of());
    assertThat(examples.size()).isEqualTo(3);
    assertThat(examples.featureCount()).isEqualTo(8);
    // Pixel p of image i is (31 i + p) mod 256.
    assertThat(examples.features().toMatrix().get(2, 5)).isEqualTo((float) (67 / 255.0));
    assertThat(examples.classNames())
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(examples.targets().get(0, 7)).isEqualTo(1.0);
    assertThat(examples.targets().get(2, 9)).isEqualTo(1.0);
    assertThat(examples.source()).isEqualTo(images.toString());
  }

  @Test
  void normalizeNoneKeepsByteValues() {
    Path images = write(dir, "images.idx", images(10, 16, 16));
    Path labels = write(dir, "labels.idx", cyclicLabels(10));
    Examples examples = load(images, labels, Map.of("normalize", "none"));
    assertThat(examples.features().toMatrix().get(1, 255)).isEqualTo((31 + 255) % 256);
    float max = 0;
    for (float v : examples.features().toMatrix().floats()) {
      max = Math.max(max, v);
    }
    assertThat(max).isEqualTo(255f);
  }

  @Test
  void unitNormalizationReachesExactlyOne() {
    Path images = write(dir, "images.idx", images(10, 16, 16));
    Path labels = write(dir, "labels.idx", cyclicLabels(10));
    float[] values = load(images, labels, Map.of()).features().toMatrix().floats();
    float max = 0;
    float min = 1;
    for (float v : values) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void gzipIsRecognizedByContentNotByName() {
    Path plainImages = write(dir, "images.idx", images(20, 5, 5));
    Path plainLabels = write(dir, "labels.idx", cyclicLabels(20));
    Path gzImages = write(dir, "images-without-gz-suffix", gzip(images(20, 5, 5)));
    Path gzLabels = write(dir, "labels.gz", gzip(cyclicLabels(20)));
    Examples plain = load(plainImages, plainLabels, Map.of());
    Examples gz = load(gzImages, gzLabels, Map.of());
    assertThat(gz.features().toMatrix().floats())
        .containsExactly(plain.features().toMatrix().floats());
    assertThat(gz.targets().floats()).containsExactly(plain.targets().floats());
  }

  @Test
  void limitReadsTheFirstExamples() {
    Path images = write(dir, "images.gz", gzip(images(20, 5, 5)));
    Path labels = write(dir, "labels.gz", gzip(cyclicLabels(20)));
    Examples all = load(images, labels, Map.of());
    Examples first = load(images, labels, Map.of("limit", 7));
    assertThat(first.size()).isEqualTo(7);
    assertThat(first.features().toMatrix().floats())
        .containsExactly(Arrays.copyOf(all.features().toMatrix().floats(), 7 * 25));
    assertThat(load(images, labels, Map.of("limit", 1000)).size()).isEqualTo(20);
  }

  @Test
  void labelsAboveNineAddClassesWhenNoneIsMissing() {
    Path images = write(dir, "images.idx", images(12, 2, 2));
    Path labels = write(dir, "labels.idx", labels(0, 11, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10));
    Examples examples = load(images, labels, Map.of());
    assertThat(examples.targetCount()).isEqualTo(12);
    assertThat(examples.classNames()).endsWith("10", "11");
  }

  @Test
  void declaredClassesAllowGapsAndClassNamesNameThem() {
    Path images = write(dir, "images.idx", images(3, 2, 2));
    Path labels = write(dir, "labels.idx", labels(0, 4, 2));
    Examples examples =
        load(images, labels, Map.of("class_names", List.of("a", "b", "c", "d", "e")));
    assertThat(examples.classNames()).containsExactly("a", "b", "c", "d", "e");
    assertThat(examples.label(1)).isEqualTo(4);
  }

  @Test
  void fewerLabelsThanTenStillGiveTenClasses() {
    Path images = write(dir, "images.idx", images(3, 2, 2));
    Path labels = write(dir, "labels.idx", labels(0, 1, 1));
    assertThat(load(images, labels, Map.of()).targetCount()).isEqualTo(10);
    assertThat(load(images, labels, Map.of("classes", 2)).classNames()).containsExactly("0", "1");
  }

  @Test
  void relativePathsAreResolvedAgainstTheWorkingDirectory() {
    Path images = write(dir, "images.idx", images(3, 2, 2));
    Path labels = write(dir, "labels.idx", labels(0, 1, 1));
    Path here = Path.of("").toAbsolutePath();
    Examples examples = load(here.relativize(images), here.relativize(labels), Map.of());
    assertThat(examples.source()).isEqualTo(images.toString());
  }

  @Test
  void createReadsNothing() {
    IdxDataset.Plugin plugin = new IdxDataset.Plugin();
    Map<String, Object> given =
        Map.of("images", dir.resolve("not-yet.gz"), "labels", dir.resolve("not-yet-either.gz"));
    assertThat(plugin.create(Params.resolve(plugin.params(), given))).isNotNull();
  }

  private static Examples load(Path images, Path labels, Map<String, Object> extra) {
    IdxDataset.Plugin plugin = new IdxDataset.Plugin();
    Map<String, Object> given = new HashMap<>(extra);
    given.put("images", images);
    given.put("labels", labels);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
  }
}
