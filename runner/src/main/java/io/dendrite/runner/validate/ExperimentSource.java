package io.dendrite.runner.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where an experiment came from.
 *
 * @param file the experiment file, absolute
 * @param displayName the file as the user named it, used in every message
 * @param overrides the {@code key.path=value} arguments applied to it, in order
 */
public record ExperimentSource(Path file, String displayName, List<String> overrides) {
  public ExperimentSource {
    file = file.toAbsolutePath().normalize();
    Objects.requireNonNull(displayName, "displayName");
    overrides = List.copyOf(overrides);
  }

  /** The folder relative paths in the file are resolved against. */
  public Path folder() {
    Path parent = file.getParent();
    return parent == null ? file.getRoot() : parent;
  }
}
