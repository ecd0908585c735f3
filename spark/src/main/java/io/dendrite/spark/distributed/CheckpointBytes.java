package io.dendrite.spark.distributed;

import io.dendrite.core.DendriteException;
import io.dendrite.core.model.CheckpointFile;
import io.dendrite.core.train.TrainingCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A checkpoint as the bytes of its file, to send between the driver and the workers: the format,
 * and its checks on reading, are a checkpoint file's.
 */
final class CheckpointBytes {
  private CheckpointBytes() {}

  static byte[] of(TrainingCheckpoint checkpoint) {
    Path file = null;
    try {
      file = Files.createTempFile("dendrite-checkpoint-", ".safetensors");
      CheckpointFile.write(file, checkpoint, Map.of());
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot pass a checkpoint on: " + e, e);
    } finally {
      delete(file);
    }
  }

  static TrainingCheckpoint read(byte[] bytes) {
    Path file = null;
    try {
      file = Files.createTempFile("dendrite-checkpoint-", ".safetensors");
      Files.write(file, bytes);
      return CheckpointFile.read(file).checkpoint();
    } catch (IOException e) {
      throw new DendriteException(
          DendriteException.Kind.RUNTIME, "cannot read a checkpoint passed on: " + e, e);
    } finally {
      delete(file);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file left behind harms nothing.
      }
    }
  }
}
