package io.dendrite.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.random.Rng;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedDatasetContextTests {
  @Test
  void givesItsStreamAndFolders() {
    Rng rng = new Rng(1);
    SharedDatasetContext c = SharedDatasetContext.first(rng, Path.of("data"), Path.of("cache"));
    assertThat(c.rng()).isSameAs(rng);
    assertThat(c.folder()).isEqualTo(Path.of("data"));
    assertThat(c.cacheFolder()).isEqualTo(Path.of("cache"));
  }

  @Test
  void nextHasItsOwnStreamTheSameFoldersAndSharesLoadedValues() {
    SharedDatasetContext first =
        SharedDatasetContext.first(new Rng(1), Path.of("data"), Path.of("cache"));
    Rng second = new Rng(2);
    SharedDatasetContext next = first.next(second);
    assertThat(next.rng()).isSameAs(second);
    assertThat(next.folder()).isEqualTo(Path.of("data"));
    assertThat(next.cacheFolder()).isEqualTo(Path.of("cache"));

    AtomicInteger loads = new AtomicInteger();
    String a = first.shared("train.bin", String.class, () -> "decoded" + loads.incrementAndGet());
    String b = next.shared("train.bin", String.class, () -> "decoded" + loads.incrementAndGet());
    assertThat(a).isEqualTo("decoded1");
    assertThat(b).isSameAs(a);
    assertThat(loads).hasValue(1);
    assertThat(next.shared("test.bin", String.class, () -> "other")).isEqualTo("other");
  }

  @Test
  void anotherRunSharesNothing() {
    SharedDatasetContext one = SharedDatasetContext.first(new Rng(1), Path.of("d"), Path.of("c"));
    SharedDatasetContext two = SharedDatasetContext.first(new Rng(1), Path.of("d"), Path.of("c"));
    one.shared("k", String.class, () -> "one");
    assertThat(two.shared("k", String.class, () -> "two")).isEqualTo("two");
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    SharedDatasetContext c = SharedDatasetContext.first(new Rng(1), Path.of("d"), Path.of("c"));
    c.shared("k", String.class, () -> "text");
    assertThatThrownBy(() -> c.shared("k", Integer.class, () -> 1))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void aValueLoadedMeanwhileByAnotherDatasetWins() {
    SharedDatasetContext c = SharedDatasetContext.first(new Rng(1), Path.of("d"), Path.of("c"));
    // The loader of one dataset finishes after another dataset stored the same key.
    String got =
        c.shared(
            "k",
            String.class,
            () -> {
              c.shared("k", String.class, () -> "earlier");
              return "later";
            });
    assertThat(got).isEqualTo("earlier");
    assertThat(c.shared("k", String.class, () -> "again")).isEqualTo("earlier");
  }
}
