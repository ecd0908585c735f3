package io.dendrite.datasets;

import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CSV files for tests: the tables shipped in examples/data, and small ones written on the spot. */
final class CsvFiles {
  /** The folder of the example tables, beside the module. */
  static final Path EXAMPLES = Path.of("..", "examples", "data").toAbsolutePath().normalize();

  private CsvFiles() {}

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Examples load(Path file, Map<String, Object> extra) {
    CsvDataset.Plugin plugin = new CsvDataset.Plugin();
    Map<String, Object> given = new HashMap<>(extra);
    given.put("path", file);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.context());
  }
}
