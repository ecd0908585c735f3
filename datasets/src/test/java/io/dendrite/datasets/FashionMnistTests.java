package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Fashion-MNIST files when this machine has them.
 *
 * <p>Skipped otherwise, since the data set is too large to ship.
 */
class FashionMnistTests {
  private static final List<String> FILES =
      List.of(
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");

  @Test
  void readsTheSixtyThousandTrainingImagesWithTheirClassNames() {
    Examples train = load("train");
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(train.featureCount()).isEqualTo(784);
    assertThat(train.classNames())
        .containsExactly(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot");
    // Fashion-MNIST is balanced: 6,000 training images per class.
    int[] perClass = new int[10];
    for (int r = 0; r < train.size(); r++) {
      perClass[train.label(r)]++;
    }
    assertThat(perClass).containsOnly(6000);
  }

  @Test
  void readsTheTenThousandTestImages() {
    Examples test = load("test");
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(test.features().toMatrix().allFinite()).isTrue();
  }

  @Test
  void theTrainingSetStaysBytesAndAddsWellUnder60MegabytesToTheHeap() {
    Path folder = folder();
    Runtime runtime = Runtime.getRuntime();
    long before = used(runtime);
    Examples train = load(folder, "train");
    long after = used(runtime);
    // One byte per pixel: 60,000 x 784 = 47,040,000 bytes, a quarter of what floats would take.
    assertThat(train.features().bytes()).isEqualTo(47_040_000L);
    assertThat(after - before)
        .as("bytes the loaded training set adds to the heap")
        .isLessThan(60L << 20);
    assertThat(train.size()).isEqualTo(60_000);
  }

  @Test
  void theFilesFromTheSharedFolderMatchAKnownChecksum() throws Exception {
    Path folder = folder();
    for (List<KnownFile> split : FashionMnistDataset.FASHION_MNIST.splits().values()) {
      for (KnownFile file : split) {
        Path p = folder.resolve(file.name());
        assumeTrue(Files.isRegularFile(p), "only gzipped copies have a published checksum");
        String sha = sha256(p);
        assertThat(file.variants()).extracting(KnownFile.Variant::sha256).contains(sha);
        assertThat(file.variantOfSize(Files.size(p))).isPresent();
      }
    }
  }

  private static long used(Runtime runtime) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static String sha256(Path p) throws Exception {
    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
    digest.update(Files.readAllBytes(p));
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  /** Where Fashion-MNIST is: shared/data next to the repository, or where Debian installs it. */
  static Path folder() {
    List<Path> candidates = new ArrayList<>();
    // Walking up from the module finds ../shared/data beside the repository, wherever it is cloned.
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      candidates.add(p.resolve("shared/data/fashion-mnist"));
    }
    candidates.add(Path.of("/work/shared/data/fashion-mnist"));
    candidates.add(Path.of("/usr/share/datasets/fashion-mnist"));
    Optional<Path> found =
        candidates.stream()
            .filter(c -> FILES.stream().allMatch(name -> file(c, name) != null))
            .findFirst();
    assumeTrue(found.isPresent(), "Fashion-MNIST not found in any of " + candidates);
    return found.get();
  }

  /** The file, gzipped or not, or null. */
  private static Path file(Path folder, String name) {
    for (String candidate : new String[] {name + ".gz", name}) {
      Path p = folder.resolve(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static Examples load(String split) {
    return load(folder(), split);
  }

  private static Examples load(Path folder, String split) {
    FashionMnistDataset.Plugin plugin = new FashionMnistDataset.Plugin();
    Map<String, Object> given = Map.of("split", split, "path", folder, "download", false);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
  }
}
