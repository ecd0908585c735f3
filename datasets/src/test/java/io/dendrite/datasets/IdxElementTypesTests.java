package io.dendrite.datasets;

import static io.dendrite.datasets.IdxFiles.concat;
import static io.dendrite.datasets.IdxFiles.gzip;
import static io.dendrite.datasets.IdxFiles.header;
import static io.dendrite.datasets.IdxFiles.labels;
import static io.dendrite.datasets.IdxFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every IDX element type is read: bytes stay bytes, the others become float features. */
class IdxElementTypesTests {
  @TempDir Path dir;

  private static final double[] VALUES = {0, 1, -2, 100, 3.5, -0.25};

  @Test
  void unsignedBytesStayBytesAndAreScaledToUnitRange() {
    Examples e = load(0x08, new byte[] {0, 1, 2, 3, (byte) 255, (byte) 128}, Map.of());
    assertThat(e.features().bytes()).isEqualTo(6);
    assertThat(e.features().toMatrix().floats())
        .containsExactly(0f, 1 / 255f, 2 / 255f, 3 / 255f, 1f, 128 / 255f);
  }

  @Test
  void signedBytesStayBytesAndAreScaledBy128() {
    Examples e = load(0x09, new byte[] {0, 1, -128, 127, -1, 64}, Map.of());
    assertThat(e.features().bytes()).isEqualTo(6);
    assertThat(e.features().toMatrix().floats())
        .containsExactly(0f, 1 / 128f, -1f, 127 / 128f, -1 / 128f, 0.5f);
    Examples raw = load(0x09, new byte[] {0, 1, -128, 127, -1, 64}, Map.of("normalize", "none"));
    assertThat(raw.features().toMatrix().floats()).containsExactly(0, 1, -128, 127, -1, 64);
  }

  @Test
  void shortsIntsFloatsAndDoublesBecomeFloats() {
    ByteBuffer shorts = ByteBuffer.allocate(12);
    ByteBuffer ints = ByteBuffer.allocate(24);
    ByteBuffer floats = ByteBuffer.allocate(24);
    ByteBuffer doubles = ByteBuffer.allocate(48);
    for (double v : VALUES) {
      shorts.putShort((short) Math.floor(v));
      ints.putInt((int) Math.floor(v));
      floats.putFloat((float) v);
      doubles.putDouble(v);
    }
    float[] whole = {0, 1, -2, 100, 3, -1};
    assertThat(load(0x0B, shorts.array(), Map.of()).features().toMatrix().floats())
        .containsExactly(whole);
    assertThat(load(0x0C, ints.array(), Map.of()).features().toMatrix().floats())
        .containsExactly(whole);
    float[] exact = {0, 1, -2, 100, 3.5f, -0.25f};
    Examples f = load(0x0D, floats.array(), Map.of());
    assertThat(f.features().toMatrix().floats()).containsExactly(exact);
    assertThat(f.features().bytes()).isEqualTo(24);
    assertThat(load(0x0E, doubles.array(), Map.of()).features().toMatrix().floats())
        .containsExactly(exact);
  }

  @Test
  void recordsOfAnyShapeAreFlattenedRowByRow() {
    // Three records of 1x2x1 shorts, gzipped, with int labels: any rank and label type.
    ByteBuffer data = ByteBuffer.allocate(12);
    for (int i = 0; i < 6; i++) {
      data.putShort((short) (10 * i));
    }
    Path images = write(dir, "tensors.gz", gzip(concat(header(0x0B04, 3, 1, 2, 1), data.array())));
    ByteBuffer labelInts = ByteBuffer.allocate(12).putInt(2).putInt(0).putInt(1);
    Path labels = write(dir, "labels.gz", gzip(concat(header(0x0C01, 3), labelInts.array())));
    Examples e = load(images, labels, Map.of());
    assertThat(e.featureCount()).isEqualTo(2);
    assertThat(e.features().toMatrix().floats()).containsExactly(0, 10, 20, 30, 40, 50);
    assertThat(e.label(0)).isEqualTo(2);
  }

  /** Three records of two values each of IDX type {@code type}. */
  private Examples load(int type, byte[] values, Map<String, Object> extra) {
    Path images =
        write(dir, "images-" + type + ".idx", concat(header(type << 8 | 2, 3, 2), values));
    Path labels = write(dir, "labels.idx", labels(0, 1, 2));
    return load(images, labels, extra);
  }

  private static Examples load(Path images, Path labels, Map<String, Object> extra) {
    IdxDataset.Plugin plugin = new IdxDataset.Plugin();
    Map<String, Object> given = new HashMap<>(extra);
    given.put("images", images);
    given.put("labels", labels);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
  }
}
