package io.dendrite.runner.yaml;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML 1.1 scalar typing as SnakeYAML does it, except that dates stay text.
 *
 * <p>Experiment files have no date fields, and a name like {@code 2024-01-31} should be the text it
 * looks like rather than a timestamp that every field then refuses.
 */
final class PlainResolver extends Resolver {
  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
    addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
    addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
  }
}
