package io.dendrite.runner.yaml;

import io.dendrite.runner.output.PortablePaths;
import java.nio.file.Path;
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
            .dump(PortablePaths.relativeTo(folder, data)));
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
}
