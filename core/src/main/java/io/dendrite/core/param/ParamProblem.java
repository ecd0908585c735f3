package io.dendrite.core.param;

/** One thing wrong with one parameter: its name, why, and a message for people. */
public record ParamProblem(String name, Reason reason, String message) {
  /** Why the parameter was refused; front ends use it to point at the key or at the value. */
  public enum Reason {
    /** The name is not declared. */
    UNKNOWN,
    /** The value has the wrong type or is out of range. */
    INVALID,
    /** A required parameter has no value. */
    MISSING
  }
}
