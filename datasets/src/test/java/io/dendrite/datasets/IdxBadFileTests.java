package io.dendrite.datasets;

import static io.dendrite.datasets.IdxFiles.IMAGES_MAGIC;
import static io.dendrite.datasets.IdxFiles.LABELS_MAGIC;
import static io.dendrite.datasets.IdxFiles.concat;
import static io.dendrite.datasets.IdxFiles.cut;
import static io.dendrite.datasets.IdxFiles.cyclicLabels;
import static io.dendrite.datasets.IdxFiles.gzip;
import static io.dendrite.datasets.IdxFiles.header;
import static io.dendrite.datasets.IdxFiles.images;
import static io.dendrite.datasets.IdxFiles.labels;
import static io.dendrite.datasets.IdxFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken IDX file gives a DATA error naming the file, the place and the problem. */
class IdxBadFileTests {
  @TempDir Path dir;

  private Path goodImages;
  private Path goodLabels;

  @BeforeEach
  void writeGoodFiles() {
    goodImages = write(dir, "good-images.idx", images(10, 28, 28));
    goodLabels = write(dir, "good-labels.idx", cyclicLabels(10));
  }

  @Test
  void labelsFileGivenAsImages() {
    Path labelsAsImages = write(dir, "images.idx", cyclicLabels(10));
    assertThat(failure(labelsAsImages, goodLabels))
        .startsWith(labelsAsImages.toString() + ": wrong magic number at byte offset 0")
        .contains("expected IDX images (two zero bytes, an element type, 2 or more dimensions;")
        .contains("2051 (0x00000803) for unsigned bytes), found 2049 (0x00000801)")
        .contains("this is an IDX labels file (1 dimension of unsigned bytes), given where the")
        .contains("images file was expected (files swapped?)");
  }

  @Test
  void imagesFileGivenAsLabels() {
    Path imagesAsLabels = write(dir, "labels.idx", images(10, 28, 28));
    assertThat(failure(goodImages, imagesAsLabels))
        .startsWith(imagesAsLabels.toString() + ": wrong magic number")
        .contains("expected IDX labels (two zero bytes, an element type, 1 dimension; 2049")
        .contains("found 2051 (0x00000803)")
        .contains("this is an IDX images file (3 dimensions of unsigned bytes), given where the")
        .contains("labels file was expected");
  }

  @Test
  void notAnIdxFile() {
    Path text = write(dir, "notes.txt", "hello, world\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(failure(text, goodLabels))
        .startsWith(text + ": wrong magic number at byte offset 0")
        .contains("not an IDX file");
  }

  @Test
  void littleEndianHeader() {
    Path swapped =
        write(
            dir,
            "le.idx",
            concat(header(Integer.reverseBytes(IMAGES_MAGIC), 1, 1, 1), new byte[1]));
    assertThat(failure(swapped, goodLabels)).contains("little-endian");
  }

  @Test
  void unknownIdxElementType() {
    Path odd = write(dir, "odd.idx", concat(header(0x0A03, 1, 1, 1), new byte[4]));
    assertThat(failure(odd, goodLabels))
        .startsWith(odd + ": wrong magic number at byte offset 0")
        .contains("found 2563 (0x00000A03): the element type 0x0A is not an IDX type")
        .contains("expected 0x08 (unsigned byte), 0x09 (signed byte), 0x0B (short)");
  }

  @Test
  void floatLabelsAreRefused() {
    Path floatLabels = write(dir, "float-labels.idx", concat(header(0x0D01, 10), new byte[40]));
    assertThat(failure(goodImages, floatLabels))
        .startsWith(floatLabels + ": the labels are floats (32-bit)")
        .contains("expected whole numbers");
  }

  @Test
  void emptyFile() {
    Path empty = write(dir, "empty.idx", new byte[0]);
    assertThat(failure(empty, goodLabels)).startsWith(empty + ": the file is empty");
  }

  @Test
  void fileEndsInsideTheHeader() {
    Path shortHeader = write(dir, "short.idx", cut(images(10, 28, 28), 10));
    assertThat(failure(shortHeader, goodLabels))
        .isEqualTo(
            shortHeader
                + ": the data ends at byte offset 10, inside the 16-byte header of IDX images");
  }

  @Test
  void truncatedPixelData() {
    Path cutShort = write(dir, "cut.idx", cut(images(10, 28, 28), 1000));
    assertThat(failure(cutShort, goodLabels))
        .isEqualTo(
            cutShort
                + ": truncated: expected 7840 bytes of pixel data for 10 images of 28x28 from byte"
                + " offset 16, but the data ends at byte offset 1000 (1 of 10 images complete)");
  }

  @Test
  void truncatedPixelDataInsideValidGzip() {
    Path cutShort = write(dir, "cut.idx.gz", gzip(cut(images(10, 28, 28), 1000)));
    assertThat(failure(cutShort, goodLabels))
        .startsWith(cutShort + ": truncated: expected 7840 bytes of pixel data")
        .contains("the data ends at decompressed byte offset 1000 (1 of 10 images complete)");
  }

  @Test
  void truncatedLabels() {
    Path cutShort = write(dir, "labels-cut.idx", cut(cyclicLabels(10), 12));
    assertThat(failure(goodImages, cutShort))
        .startsWith(cutShort + ": truncated: expected 10 bytes of label data for 10 labels")
        .contains("ends at byte offset 12 (4 of 10 labels complete)");
  }

  @Test
  void negativeDimension() {
    Path negative = write(dir, "negative.idx", concat(header(IMAGES_MAGIC, 10, -1, 28)));
    assertThat(failure(negative, goodLabels))
        .isEqualTo(
            negative
                + ": the row count at byte offset 8 is -1 (0xFFFFFFFF); expected a size from 0 to"
                + " 2147483647");
  }

  @Test
  void hugeDimensionsInPlainFileAreCheckedAgainstTheFileSize() {
    Path huge =
        write(dir, "huge.idx", concat(header(IMAGES_MAGIC, Integer.MAX_VALUE, 40_000, 40_000)));
    assertThat(failure(huge, goodLabels))
        .startsWith(huge + ": truncated: expected 3435973835200000000 bytes of pixel data")
        .contains("the data ends at byte offset 16 (0 of 2147483647 images complete)");
  }

  @Test
  void imageLargerThanAnyDataSet() {
    Path huge =
        write(dir, "huge.gz", gzip(header(IMAGES_MAGIC, 1, Integer.MAX_VALUE, Integer.MAX_VALUE)));
    assertThat(failure(huge, goodLabels))
        .startsWith(huge + ": the header declares images of 2147483647x2147483647")
        .contains("one data set holds at most 2147483639 bytes");
  }

  @Test
  void productOfDimensionsBeyondOneDataSetInGzip() {
    Path huge = write(dir, "huge.gz", gzip(header(IMAGES_MAGIC, 1_000_000, 100, 100)));
    Path labels = write(dir, "huge-labels.gz", gzip(header(LABELS_MAGIC, 1_000_000)));
    assertThat(failure(huge, labels))
        .startsWith(huge + ": 1000000 images of 100x100 make 10000000000 bytes of data")
        .contains("one data set holds at most 2147483639");
  }

  @Test
  void gzipHeaderClaimingAGigabyteAllocatesOnlyWhatArrives() {
    // 10^9 bytes claimed, 7,840 present: the reader must find out by reading, not by allocating.
    byte[] claim = concat(header(IMAGES_MAGIC, 1_000_000, 1000, 1), new byte[7840]);
    Path liar = write(dir, "liar.gz", gzip(claim));
    Path labels = write(dir, "liar-labels.gz", gzip(concat(header(LABELS_MAGIC, 1_000_000))));
    String message = failure(liar, labels, Map.of());
    // The labels are read first and are cut short too.
    assertThat(message)
        .startsWith(labels + ": truncated: expected 1000000 bytes of label data")
        .contains("ends at decompressed byte offset 8 (0 of 1000000 labels complete)");
    Path enoughLabels = write(dir, "enough-labels.gz", gzip(cyclicLabels(1_000_000)));
    assertThat(failure(liar, enoughLabels))
        .startsWith(liar + ": truncated: expected 1000000000 bytes of pixel data")
        .contains("ends at decompressed byte offset 7856 (7 of 1000000 images complete)");
  }

  @Test
  void zeroImages() {
    Path none = write(dir, "none.idx", header(IMAGES_MAGIC, 0, 28, 28));
    Path noLabels = write(dir, "none-labels.idx", header(LABELS_MAGIC, 0));
    assertThat(failure(none, noLabels))
        .isEqualTo(
            none
                + ": the header declares 0 images (at byte offset 4); the data set would be empty");
  }

  @Test
  void imagesWithoutPixels() {
    Path flat = write(dir, "flat.idx", header(IMAGES_MAGIC, 10, 0, 28));
    assertThat(failure(flat, goodLabels))
        .startsWith(flat + ": the header declares images of 0x28 pixels")
        .contains("expected at least one row and one column");
  }

  @Test
  void imageCountDiffersFromLabelCount() {
    Path nine = write(dir, "nine-labels.idx", cyclicLabels(9));
    assertThat(failure(goodImages, nine))
        .isEqualTo(
            goodImages
                + " holds 10 images but "
                + nine
                + " holds 9 labels (the counts at byte offset 4 of their headers); expected one"
                + " label per image");
  }

  @Test
  void labelOutOfRange() {
    Path bad = write(dir, "labels-12.idx", labels(0, 1, 2, 12, 4, 5, 6, 7, 8, 9));
    assertThat(failure(goodImages, bad, Map.of("classes", 10)))
        .isEqualTo(
            bad
                + ": label 12 of example 3 (at byte offset 11) is outside 0..9; expected a label"
                + " below classes = 10");
  }

  @Test
  void truncatedGzip() {
    byte[] gz = gzip(images(10, 28, 28));
    Path cutShort = write(dir, "cut.gz", cut(gz, gz.length / 2));
    assertThat(failure(cutShort, goodLabels))
        .startsWith(cutShort + ": gzip data is truncated")
        .contains("the file was probably cut short");
  }

  @Test
  void gzipCutInsideItsHeader() {
    Path cutShort = write(dir, "cut.gz", cut(gzip(images(10, 28, 28)), 5));
    assertThat(failure(cutShort, goodLabels))
        .startsWith(cutShort + ": gzip data is truncated")
        .contains("its gzip header");
  }

  @Test
  void gzipWithUnknownCompressionMethod() {
    byte[] gz = gzip(images(10, 28, 28));
    gz[2] = 7;
    Path corrupt = write(dir, "method.gz", gz);
    assertThat(failure(corrupt, goodLabels))
        .startsWith(corrupt + ": corrupt gzip data at its gzip header")
        .contains("Unsupported compression method");
  }

  @Test
  void corruptDeflateData() {
    byte[] gz = gzip(images(10, 28, 28));
    // Gzip's header is 10 bytes; a deflate block starting with bits 1,1,1 has the reserved type 3.
    gz[10] = (byte) 0xff;
    Path corrupt = write(dir, "corrupt.gz", gz);
    assertThat(failure(corrupt, goodLabels))
        .isEqualTo(
            corrupt
                + ": corrupt gzip data at decompressed byte offset 0, in the header (invalid block"
                + " type)");
  }

  @Test
  void gzipChecksumMismatch() {
    byte[] gz = gzip(images(10, 28, 28));
    gz[gz.length - 8] ^= 1;
    Path flipped = write(dir, "crc.gz", gz);
    assertThat(failure(flipped, goodLabels))
        .startsWith(flipped + ": corrupt gzip data at decompressed byte offset 7856")
        .contains("Corrupt GZIP trailer");
  }

  @Test
  void trailingGarbageInPlainFile() {
    Path extra = write(dir, "extra.idx", concat(images(10, 28, 28), new byte[5]));
    assertThat(failure(extra, goodLabels))
        .isEqualTo(
            extra
                + ": unexpected data after the last of the 10 images of 28x28 declared in the"
                + " header: 5 more bytes from byte offset 7856; expected the data to end there (is"
                + " the count in the header wrong?)");
  }

  @Test
  void trailingGarbageInGzip() {
    Path extra = write(dir, "extra.gz", gzip(concat(cyclicLabels(10), new byte[3])));
    assertThat(failure(goodImages, extra))
        .startsWith(extra + ": unexpected data after the last of the 10 labels")
        .contains("more bytes from decompressed byte offset 18");
  }

  @Test
  void trailingGarbageIsNotReadWithALimit() {
    Path extra = write(dir, "extra.idx", concat(images(10, 28, 28), new byte[5]));
    assertThat(load(extra, goodLabels, Map.of("limit", 4)).size()).isEqualTo(4);
  }

  @Test
  void missingFileIsNamedByItsAbsolutePath() {
    Path missing = dir.resolve("sub/../nowhere-images.gz");
    String message = failure(missing, goodLabels);
    assertThat(message)
        .isEqualTo(
            dir.toAbsolutePath().resolve("nowhere-images.gz")
                + ": no such file; expected the IDX images file");
  }

  @Test
  void folderInsteadOfFile() {
    assertThat(failure(goodImages, dir))
        .isEqualTo(dir + ": is a folder; expected the IDX labels file");
  }

  @Test
  void strayLabelAmongDigitsIsAGapNamingItsExample() {
    Path eleven = write(dir, "eleven-images.idx", images(11, 28, 28));
    Path stray = write(dir, "stray-labels.idx", labels(0, 1, 2, 3, 4, 5, 255, 7, 8, 9, 6));
    assertThat(failure(eleven, stray))
        .isEqualTo(
            stray
                + ": label 255 of example 6 (at byte offset 14) leaves a gap: no example has the"
                + " labels 10 to 254, so the labels are not the classes 0..255; expected labels"
                + " 0..K-1. A stray label is most likely a damaged record; if the data set really"
                + " has 256 classes, declare classes: 256");
    assertThat(load(eleven, stray, Map.of("classes", 256)).targetCount()).isEqualTo(256);
  }

  @Test
  void gzipClaimingMoreThanMemoryIsRefusedBeforeReading() throws java.io.IOException {
    // Two billion 1x1 images fit one array of bytes, but not with their targets in any test heap.
    Path liar = write(dir, "claims.gz", gzip(header(IMAGES_MAGIC, 2_000_000_000, 1, 1)));
    Path labels = write(dir, "claims-labels.gz", gzip(header(LABELS_MAGIC, 2_000_000_000)));
    long start = System.nanoTime();
    String message = failure(liar, labels);
    assertThat((System.nanoTime() - start) / 1e9).as("seconds to refuse").isLessThan(1);
    assertThat(message)
        .startsWith(
            liar
                + ": the header declares 2000000000 images of 1x1 (at byte offset 4): loading them"
                + " needs 83.8 GiB (1.86 GiB of pixels and 74.5 GiB of targets), more than the ")
        .contains("maximum heap; read fewer with limit:, give Java more memory")
        .endsWith(
            "(the file holds "
                + java.nio.file.Files.size(liar)
                + " bytes, 16 bytes decompressed by its gzip trailer)");
  }

  @Test
  void notANumberInFloatImagesNamesTheRecord() {
    java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(4 * 4 * 3);
    for (int i = 0; i < 12; i++) {
      data.putFloat(i == 9 ? Float.NaN : i);
    }
    Path floats = write(dir, "nan.idx", concat(header(0x0D03, 3, 2, 2), data.array()));
    Path three = write(dir, "three-labels.idx", labels(0, 1, 2));
    assertThat(failure(floats, three))
        .isEqualTo(
            floats
                + ": image 3 of 3 holds NaN (not a number) at byte offset 52; expected finite"
                + " numbers (a missing value?)");
  }

  @Test
  void negativeSignedLabelIsRefused() {
    Path signed = write(dir, "signed-labels.idx", concat(header(0x0901, 3), new byte[] {0, -3, 1}));
    Path three = write(dir, "three-images.idx", images(3, 2, 2));
    assertThat(failure(three, signed))
        .isEqualTo(
            signed
                + ": label -3 of example 1 (at byte offset 9) is negative; expected labels 0, 1,"
                + " 2, ... (one per class)");
  }

  private String failure(Path images, Path labels) {
    return failure(images, labels, Map.of());
  }

  private static String failure(Path images, Path labels, Map<String, Object> extra) {
    try {
      load(images, labels, extra);
    } catch (DendriteException e) {
      assertThat(e.kind()).isEqualTo(DendriteException.Kind.DATA);
      return e.getMessage();
    }
    return fail("expected a DendriteException loading %s and %s", images, labels);
  }

  private static Examples load(Path images, Path labels, Map<String, Object> extra) {
    IdxDataset.Plugin plugin = new IdxDataset.Plugin();
    Map<String, Object> given = new HashMap<>(extra);
    given.put("images", images);
    given.put("labels", labels);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
  }
}
