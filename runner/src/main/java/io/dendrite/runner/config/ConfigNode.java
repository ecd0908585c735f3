package io.dendrite.runner.config;

/**
 * A value of an experiment file: a mapping, a list or a scalar. Each knows where it was written and
 * its field path.
 *
 * <p>The tree is immutable and holds only plain data, never objects built from the file, so it can
 * be checked, changed by overrides and validated without running anything from it.
 */
public sealed interface ConfigNode permits ConfigMap, ConfigList, ConfigScalar {
  /** Where the value starts. */
  Position position();

  /** The field path, e.g. {@code model.layers[0].activation}; {@code ""} for the top level. */
  String path();

  /** The same value (and its children) under another path, for values moved by overrides. */
  ConfigNode atPath(String path);

  /**
   * What this value is, for messages: {@code a list}, {@code "ten" (text)}, {@code 3 (an integer)}.
   */
  String describe();
}
