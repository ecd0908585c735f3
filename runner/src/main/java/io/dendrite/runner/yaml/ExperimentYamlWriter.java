package io.dendrite.runner.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes plain data as block-style YAML. Maps, lists, numbers, booleans and text come out so that
 * {@link YamlTreeReader} reads them back to the same values.
 *
 * <p>Paths are written relative to the folder the YAML file goes in, as its reader resolves them:
 * the file runs again from where it lies, and holds no absolute path of this machine where a
 * relative one does.
 */
public final class ExperimentYamlWriter {
  /** {@code data} as YAML for a file in {@code folder}, after {@code header} as comment lines. */
  public String write(Map<String, Object> data, String header, Path folder) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    options.setSplitLines(false);
    StringBuilder out = new StringBuilder();
    for (String line : header.split("\n", -1)) {
      out.append("# ").append(line).append('\n');
    }
    out.append(
        new Yaml(new FlowNumberLists(options), options)
            .dump(plain(data, folder.toAbsolutePath().normalize())));
    return out.toString();
  }

  /** Lists of numbers (fitted statistics, milestones) on one line: {@code [0.1, 0.2]}. */
  private static final class FlowNumberLists extends Representer {
    FlowNumberLists(DumperOptions options) {
      super(options);
    }

    @Override
    protected Node representSequence(Tag tag, Iterable<?> sequence, DumperOptions.FlowStyle style) {
      boolean numbers = sequence.iterator().hasNext();
      for (Object item : sequence) {
        numbers &= item instanceof Number;
      }
      return super.representSequence(tag, sequence, numbers ? DumperOptions.FlowStyle.FLOW : style);
    }
  }

  private static Object plain(Object value, Path folder) {
    if (value instanceof Path p) {
      Path absolute = p.toAbsolutePath().normalize();
      // Relative only within a common folder: "../../../work/data" says less than "/work/data".
      boolean near =
          absolute.getRoot() != null
              && absolute.getRoot().equals(folder.getRoot())
              && absolute.getNameCount() > 0
              && folder.getNameCount() > 0
              && absolute.getName(0).equals(folder.getName(0));
      return near ? folder.relativize(absolute).toString() : absolute.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, plain(v, folder)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v, folder)));
      return out;
    }
    return value;
  }
}
