package io.dendrite.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Experiment files for tests. */
public final class TestFiles {
  /** A small valid experiment for the stand-in plugins. */
  public static final String VALID =
      """
      name: tiny
      seed: 7
      data:
        train: {type: mnist_sample, split: train}
        test: {type: mnist_sample, split: test}
        validation_split: 0.1
      model:
        layers:
          - {type: dense, units: 16, activation: relu}
          - {type: dense, units: 10, activation: softmax}
      loss: cross_entropy
      optimizer: {type: adam, learning_rate: 0.01}
      training:
        epochs: 2
        batch_size: 64
      metrics: [accuracy]
      """;

  private TestFiles() {}

  public static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
