package io.dendrite.runner.yaml;

/**
 * A class that records that it was initialized, named in YAML tags by the tests: the reader must
 * never make it (or any class) from a file.
 */
public final class TagCanary {
  /** The system property its static initializer sets. */
  public static final String INITIALIZED = "io.dendrite.runner.yaml.TagCanary.initialized";

  static {
    System.setProperty(INITIALIZED, "true");
  }

  public TagCanary() {}

  public TagCanary(String value) {}
}
