package io.dendrite.runner.config;

import java.util.List;

/**
 * An experiment file read into a tree, with the problems that did not stop the reading. Duplicate
 * keys and refused tags are kept here so that validation can add its own problems and every problem
 * is reported at once.
 *
 * @param root the tree; a refused value is in it as null, a repeated key keeps its first value
 */
public record ConfigDocument(ConfigMap root, List<ConfigProblem> problems) {
  public ConfigDocument {
    problems = List.copyOf(problems);
  }
}
