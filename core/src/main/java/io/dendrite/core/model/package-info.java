/**
 * Model files and checkpoints in the safetensors format, written atomically and read as untrusted
 * input.
 *
 * <p>{@link io.dendrite.core.model.SafetensorsFile} is the entry point; the other classes are its
 * parts: the JSON header and its validation, the tensor types, and the atomic replacement of a
 * file.
 */
package io.dendrite.core.model;
