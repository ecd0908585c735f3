package io.dendrite.runner.yaml;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes plain data as block-style YAML. Maps, lists, numbers, booleans and text come out so that
 * {@link YamlTreeReader} reads them back to the same values.
 */
public final class ExperimentYamlWriter {
  /** {@code data} as YAML, after {@code header} written as comment lines. */
  public String write(Map<String, Object> data, String header) {
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
    out.append(new Yaml(options).dump(data));
    return out.toString();
  }
}
