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
 * Reads the real Fashion-MNIST files when this machine has them; skipped otherwise, since the data
 * set is too large to ship.
 */
class FashionMnistTests {
  private static final List<String> FILES =
      List.of(
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");

  @Test
  void readsTheSixtyThousandTrainingImages() {
    Path folder = folder();
    Examples train =
        load(file(folder, "train-images-idx3-ubyte"), file(folder, "train-labels-idx1-ubyte"));
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(train.featureCount()).isEqualTo(784);
    assertThat(train.targetCount()).isEqualTo(10);
    assertThat(train.features().toMatrix().allFinite()).isTrue();
    // Fashion-MNIST is balanced: 6,000 training images per class.
    float[] perClass = new float[10];
    for (int r = 0; r < train.size(); r++) {
      for (int c = 0; c < 10; c++) {
        perClass[c] += (float) train.targets().get(r, c);
      }
    }
    assertThat(perClass).containsOnly(6000f);
  }

  @Test
  void readsTheTenThousandTestImages() {
    Path folder = folder();
    Examples test =
        load(file(folder, "t10k-images-idx3-ubyte"), file(folder, "t10k-labels-idx1-ubyte"));
    assertThat(test.size()).isEqualTo(10_000);
  }

  /** Where Fashion-MNIST is: shared/data next to the repository, or where Debian installs it. */
  private static Path folder() {
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

  private static Examples load(Path images, Path labels) {
    IdxDataset.Plugin plugin = new IdxDataset.Plugin();
    Map<String, Object> given = Map.of("images", images, "labels", labels);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
  }
}
