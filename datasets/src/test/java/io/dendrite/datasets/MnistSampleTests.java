package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled MNIST sample: the canonical files, split sizes and the known first digits. */
class MnistSampleTests {
  @Test
  void bundledFilesAreTheCanonicalMnistTestSet() throws IOException, NoSuchAlgorithmException {
    assertThat(md5(MnistSample.IMAGES)).isEqualTo("9fb629c4189551a2d022fa330f9573f3");
    assertThat(md5(MnistSample.LABELS)).isEqualTo("ec29112dd5afa0611ce80d1b7f02629c");
  }

  @Test
  void splitsHaveTheirSizes() {
    assertThat(load("train").size()).isEqualTo(8_000);
    assertThat(load("test").size()).isEqualTo(2_000);
    assertThat(load("all").size()).isEqualTo(10_000);
    assertThat(load("train").featureCount()).isEqualTo(784);
    assertThat(load("train").classNames())
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }

  @Test
  void defaultSplitIsTrain() {
    MnistSample.Plugin plugin = new MnistSample.Plugin();
    Examples examples =
        plugin.create(Params.resolve(plugin.params(), Map.of())).load(Contexts.context());
    assertThat(examples.size()).isEqualTo(8_000);
  }

  @Test
  void trainAndTestPartitionAllWithoutOverlap() {
    float[] all = load("all").features().toMatrix().floats();
    float[] train = load("train").features().toMatrix().floats();
    float[] test = load("test").features().toMatrix().floats();
    assertThat(train.length + test.length).isEqualTo(all.length);
    assertThat(Arrays.equals(all, 0, train.length, train, 0, train.length)).isTrue();
    assertThat(Arrays.equals(all, train.length, all.length, test, 0, test.length)).isTrue();
    assertThat(load("train").source()).contains("examples 0 to 7999");
    assertThat(load("test").source()).contains("examples 8000 to 9999");
  }

  @Test
  void firstLabelsAreThoseOfTheMnistTestSet() {
    assertThat(labels(load("train"), 10)).containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
  }

  @Test
  void everyDigitOccursAsInMnist() {
    int[] counts = new int[10];
    Examples all = load("all");
    for (int label : labels(all, all.size())) {
      counts[label]++;
    }
    assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
  }

  @Test
  void pixelsAreScaledToUnitRangeByDefault() {
    float[] values = load("test").features().toMatrix().floats();
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void loadsQuickly() {
    long start = System.nanoTime();
    LabeledImages decoded =
        IdxReader.read(
            () -> IdxInput.of(MnistSample.class.getResourceAsStream(MnistSample.IMAGES), "i", -1),
            () -> IdxInput.of(MnistSample.class.getResourceAsStream(MnistSample.LABELS), "l", -1),
            0,
            0,
            java.util.List.of());
    decoded.toExamples(0, decoded.size(), Normalization.UNIT, "all");
    long millis = (System.nanoTime() - start) / 1_000_000;
    // The target is well under 0.5 s; the bound leaves room for a slow, busy CI machine.
    assertThat(millis).as("milliseconds to decode the 10,000 bundled digits").isLessThan(3_000);
  }

  private static Examples load(String split) {
    MnistSample.Plugin plugin = new MnistSample.Plugin();
    return plugin
        .create(Params.resolve(plugin.params(), Map.of("split", split)))
        .load(Contexts.context());
  }

  private static int[] labels(Examples examples, int count) {
    int[] labels = new int[count];
    for (int r = 0; r < count; r++) {
      for (int c = 0; c < examples.targetCount(); c++) {
        if (examples.targets().get(r, c) == 1.0) {
          labels[r] = c;
        }
      }
    }
    return labels;
  }

  private static String md5(String resource) throws IOException, NoSuchAlgorithmException {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    try (InputStream in =
        new DigestInputStream(MnistSample.class.getResourceAsStream(resource), md5)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return String.format("%032x", new BigInteger(1, md5.digest()));
  }
}
