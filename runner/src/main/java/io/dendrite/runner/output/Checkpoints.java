package io.dendrite.runner.output;

import io.dendrite.core.DendriteException;
import io.dendrite.core.model.CheckpointFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A run's {@code checkpoints/} folder: {@code epoch-0004.safetensors}, one per epoch taken. */
public final class Checkpoints {
  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
  private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.safetensors");

  private final Path folder;

  public Checkpoints(Path folder) {
    this.folder = folder;
  }

  /** The file of the checkpoint taken after {@code epoch}; the folder is created if needed. */
  public Path fileFor(int epoch) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw DendriteException.data("cannot create " + folder + ": " + e.getMessage(), e);
    }
    return folder.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.safetensors", epoch));
  }

  /** The checkpoint files, newest (highest epoch) first. */
  public List<Path> newestFirst() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(Checkpoints::epochOf).reversed())
          .toList();
    } catch (IOException e) {
      throw DendriteException.data("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The newest checkpoint that reads back whole; {@code skipped} hears of each newer one that does
   * not, with the reason.
   */
  public Optional<Found> newestValid(Consumer<String> skipped) {
    for (Path file : newestFirst()) {
      try {
        return Optional.of(new Found(file, CheckpointFile.read(file)));
      } catch (DendriteException e) {
        skipped.accept(file.getFileName() + " is damaged and skipped: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** A checkpoint read back from {@code file}. */
  public record Found(Path file, CheckpointFile.Contents contents) {}

  /** Deletes all but the newest {@code keep} checkpoints. */
  public void keepNewest(int keep) {
    List<Path> all = newestFirst();
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        log.warn("could not delete the old checkpoint {}: {}", old, e.toString());
      }
    }
  }

  /** Deletes every checkpoint: the run starts over. Returns how many there were. */
  public int deleteAll() {
    List<Path> all = new ArrayList<>(newestFirst());
    keepNewest(0);
    return all.size();
  }

  private static long epochOf(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
