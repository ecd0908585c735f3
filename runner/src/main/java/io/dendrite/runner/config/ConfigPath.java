package io.dendrite.runner.config;

/**
 * Builds field paths such as {@code model.layers[2].activation}. Keys are joined by dots, list
 * items written as {@code [i]}.
 *
 * <p>Core reports problems with the same syntax ({@link
 * io.dendrite.core.DendriteException#configPath()}), so a path from either side finds the same
 * line.
 */
public final class ConfigPath {
  private ConfigPath() {}

  /** The path of {@code key} inside the mapping at {@code parent} ({@code ""} for the top). */
  public static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of item {@code index} of the list at {@code parent}. */
  public static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * The path one level up, or {@code ""} for a top-level key. {@code model.layers[2]} for {@code
   * model.layers[2].units}, {@code model.layers} for {@code model.layers[2]}.
   */
  public static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
