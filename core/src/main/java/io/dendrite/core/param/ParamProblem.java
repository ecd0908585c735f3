package io.dendrite.core.param;

/**
 * One thing wrong with one parameter: where, why, and a message for people.
 *
 * @param path the parameter's name, or a path to a value inside it ({@code train.split}, {@code
 *     layers[1]})
 */
public record ParamProblem(String path, Reason reason, String message) {
  /** Why the parameter was refused; front ends use it to point at the key or at the value. */
  public enum Reason {
    /** The name is not declared. */
    UNKNOWN,
    /** The value has the wrong type or is out of range. */
    INVALID,
    /** A required parameter has no value. */
    MISSING
  }

  /** The same problem one level down, under {@code parent}. */
  ParamProblem under(String parent) {
    return new ParamProblem(parent + "." + path, reason, message);
  }
}
