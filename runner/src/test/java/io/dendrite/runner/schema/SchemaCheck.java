package io.dendrite.runner.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dendrite.core.plugin.PluginRegistry;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated schema as an editor would use it: experiment YAML read by SnakeYAML into a Jackson
 * tree, checked by a draft-07 validator.
 */
public final class SchemaCheck {
  private static final JsonMapper JSON = JsonMapper.shared();

  private final Schema schema;

  private SchemaCheck(String schemaJson) {
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaJson);
  }

  /** The schema {@code dendrite schema} writes for the plugins of {@code registry}. */
  public static SchemaCheck of(PluginRegistry registry) {
    return new SchemaCheck(ExperimentSchema.json(registry));
  }

  /** A schema given as JSON text. */
  public static SchemaCheck of(String schemaJson) {
    return new SchemaCheck(schemaJson);
  }

  /** What the schema says is wrong with the experiment {@code yaml}; empty when it is valid. */
  public List<String> problems(String yaml) {
    return problems(tree(yaml));
  }

  /** What the schema says is wrong with {@code experiment}, a tree of plain data. */
  public List<String> problems(JsonNode experiment) {
    return schema.validate(experiment).stream().map(Error::toString).toList();
  }

  /** YAML as SnakeYAML reads it (YAML 1.1, safe), as a Jackson tree. */
  public static JsonNode tree(String yaml) {
    Object plain = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return JSON.valueToTree(plain);
  }
}
