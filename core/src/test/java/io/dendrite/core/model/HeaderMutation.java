package io.dendrite.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One value of a safetensors header replaced by another JSON value, the header length kept right:
 * the file still parses, so the checks behind the parser are reached. The metadata's values that
 * hold JSON themselves (the experiment, a checkpoint's state) are searched too.
 */
record HeaderMutation(int at, int value) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Values that break assumptions: nulls, wrong types, edge numbers, empty and huge sizes. */
  private static final List<String> VALUES =
      List.of(
          "null",
          "true",
          "0",
          "-1",
          "1.5",
          "1e400",
          "9223372036854775807",
          "2147483648",
          "\"\"",
          "\"x\"",
          "\"NaN\"",
          "\"F16\"",
          "\"checkpoint\"",
          "\"model\"",
          "[]",
          "[null]",
          "[0]",
          "[-1, 2]",
          "[1, 0]",
          "[2147483647, 2147483647]",
          "{}",
          "{\"a\": null}",
          "\"null\"",
          "\"[]\"",
          "\"{}\"",
          "\"[null]\"",
          "\"{\\\"a\\\": 1}\"");

  static Arbitrary<HeaderMutation> any() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000))
        .as(HeaderMutation::new);
  }

  /** {@code file} with its header changed, or unchanged when its header is not JSON. */
  byte[] apply(byte[] file) {
    if (file.length < Long.BYTES) {
      return file;
    }
    long length = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    if (length < 0 || length > file.length - Long.BYTES) {
      return file;
    }
    try {
      JsonNode root =
          JSON.readTree(new String(file, Long.BYTES, (int) length, StandardCharsets.UTF_8));
      if (root == null) {
        return file;
      }
      List<Consumer<JsonNode>> slots = new ArrayList<>();
      List<Runnable> rewrites = new ArrayList<>();
      collect(root, slots, rewrites);
      if (slots.isEmpty()) {
        return file;
      }
      slots.get(at % slots.size()).accept(JSON.readTree(VALUES.get(value % VALUES.size())));
      // Inner documents were listed innermost first, so an outer one is written with the change.
      rewrites.forEach(Runnable::run);
      byte[] header = JSON.writeValueAsBytes(root);
      int dataStart = Long.BYTES + (int) length;
      ByteBuffer out =
          ByteBuffer.allocate(Long.BYTES + header.length + file.length - dataStart)
              .order(ByteOrder.LITTLE_ENDIAN);
      out.putLong(header.length).put(header).put(file, dataStart, file.length - dataStart);
      return out.array();
    } catch (JsonProcessingException e) {
      return file;
    }
  }

  /** Every place a value can be put, depth first, and how to write inner documents back. */
  private static void collect(JsonNode node, List<Consumer<JsonNode>> slots, List<Runnable> back)
      throws JsonProcessingException {
    if (node instanceof ObjectNode object) {
      for (var names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode child = object.get(name);
        slots.add(v -> object.set(name, v));
        collectInner(child, () -> object.get(name), v -> object.set(name, v), slots, back);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        slots.add(v -> array.set(index, v));
        collectInner(array.get(i), () -> array.get(index), v -> array.set(index, v), slots, back);
      }
    }
  }

  private static void collectInner(
      JsonNode child,
      Supplier<JsonNode> current,
      Consumer<JsonNode> replace,
      List<Consumer<JsonNode>> slots,
      List<Runnable> back)
      throws JsonProcessingException {
    if (child instanceof TextNode text
        && (text.textValue().startsWith("{") || text.textValue().startsWith("["))) {
      JsonNode inner;
      try {
        inner = JSON.readTree(child.textValue());
      } catch (JsonProcessingException e) {
        return;
      }
      collect(inner, slots, back);
      back.add(
          () -> {
            if (current.get() != child) {
              return; // The mutation replaced the whole document.
            }
            try {
              replace.accept(new TextNode(JSON.writeValueAsString(inner)));
            } catch (JsonProcessingException e) {
              throw new IllegalStateException(e);
            }
          });
    } else {
      collect(child, slots, back);
    }
  }
}
