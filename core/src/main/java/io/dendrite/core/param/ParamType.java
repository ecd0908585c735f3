package io.dendrite.core.param;

/** The value types a plugin parameter can have; front ends map their own syntax onto these. */
public enum ParamType {
  /** A whole number (Java {@code Integer}); a fractional value or text is refused. */
  INTEGER("integer"),
  /** A finite real number (Java {@code Double}); integers are accepted and widened. */
  NUMBER("number"),
  BOOLEAN("boolean"),
  STRING("string"),
  /** One string out of a declared list. */
  CHOICE("choice"),
  /** A file or folder; front ends resolve it against the experiment file's folder. */
  PATH("path"),
  /** A reference to another plugin: an id, or an id with parameters ({@link ComponentSpec}). */
  COMPONENT("component");

  private final String label;

  ParamType(String label) {
    this.label = label;
  }

  /** The lower-case name shown to people and used in JSON output. */
  public String label() {
    return label;
  }
}
