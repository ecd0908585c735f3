package io.dendrite.core.model;

import static io.dendrite.core.model.ModelFileRefusal.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON header of a safetensors file: every tensor's entry and the string metadata.
 *
 * <p>{@link #parse} trusts nothing: it checks every entry and that the entries tile the data
 * section exactly, so that a reader allocates only what the file really holds.
 */
final class SafetensorsHeader {
  /** The largest header accepted, as in the reference implementation. */
  static final long MAX_BYTES = 100_000_000L;

  static final String METADATA = "__metadata__";
  private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");
  private static final int ALIGNMENT = 8;

  // Immutable once built, so one instance serves every run.
  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(8)
                          .maxDocumentLength(MAX_BYTES)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private final List<TensorEntry> tensors;
  private final Map<String, String> metadata;

  private SafetensorsHeader(List<TensorEntry> tensors, Map<String, String> metadata) {
    this.tensors = List.copyOf(tensors);
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A header for writing: {@code tensors} in data order, contiguous from offset 0. */
  static SafetensorsHeader of(List<TensorEntry> tensors, Map<String, String> metadata) {
    return new SafetensorsHeader(tensors, metadata);
  }

  /** The entries in the order of their data. */
  List<TensorEntry> tensors() {
    return tensors;
  }

  /** The {@code __metadata__} map, as in the file. */
  Map<String, String> metadata() {
    return metadata;
  }

  /** The length of the data section the entries cover. */
  long dataBytes() {
    return tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).end();
  }

  /** The header as UTF-8 JSON, padded with spaces so that the data section starts 8-aligned. */
  byte[] encode() {
    ObjectNode root = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = root.putObject(METADATA);
      metadata.forEach(meta::put);
    }
    for (TensorEntry tensor : tensors) {
      ObjectNode entry = root.putObject(tensor.name());
      entry.put("dtype", tensor.dtype().name());
      ArrayNode shape = entry.putArray("shape");
      tensor.shape().forEach(shape::add);
      entry.putArray("data_offsets").add(tensor.begin()).add(tensor.end());
    }
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode a safetensors header", e);
    }
    int padded = (json.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    byte[] result = Arrays.copyOf(json, padded);
    Arrays.fill(result, json.length, padded, (byte) ' ');
    return result;
  }

  /**
   * Parses and checks the header of {@code file}.
   *
   * @param json the header's bytes, which start at byte 8 of the file
   * @param dataBytes the length of the data section: the rest of the file after the header
   */
  static SafetensorsHeader parse(Path file, byte[] json, long dataBytes) {
    requireUtf8(file, json);
    if (json.length == 0 || json[0] != '{') {
      throw ModelFileRefusal.of(file, "the header at byte 8 does not start with '{'");
    }
    // JSON never holds a raw NUL, and Jackson takes NULs near the start for UTF-16 or UTF-32.
    for (int i = 0; i < json.length; i++) {
      if (json[i] == 0) {
        throw ModelFileRefusal.of(
            file, "the header is not valid JSON at byte " + (Long.BYTES + i) + ": a NUL byte");
      }
    }
    JsonNode root;
    try (JsonParser parser = JSON.createParser(json)) {
      root = JSON.readTree(parser);
      if (parser.nextToken() != null) {
        throw ModelFileRefusal.of(
            file,
            "the header goes on after its JSON object, at byte "
                + (Long.BYTES + parser.currentTokenLocation().getByteOffset()));
      }
    } catch (JsonProcessingException e) {
      throw ModelFileRefusal.of(
          file,
          "the header is not valid JSON at byte " + fileOffset(e) + ": " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a header from memory", e);
    }
    if (root == null || !root.isObject()) {
      throw ModelFileRefusal.of(file, "the header is not a JSON object");
    }
    long dataStart = Long.BYTES + (long) json.length;
    Map<String, String> metadata = Map.of();
    List<TensorEntry> tensors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals(METADATA)) {
        metadata = metadata(file, field.getValue());
      } else {
        tensors.add(entry(file, field.getKey(), field.getValue(), dataStart, dataBytes));
      }
    }
    // File order is data order; the JSON order is the writer's choice. Stable, so that empty
    // tensors sharing an offset keep their JSON order.
    tensors.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
    requireContiguous(file, tensors, dataStart, dataBytes);
    return new SafetensorsHeader(tensors, metadata);
  }

  private static void requireUtf8(Path file, byte[] json) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(json);
    // A small window: this checks the bytes, the characters are not kept.
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw ModelFileRefusal.of(
            file, "the header is not valid UTF-8 at byte " + (Long.BYTES + in.position()));
      }
      if (result.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  private static long fileOffset(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null) {
      return Long.BYTES;
    }
    long offset = location.getByteOffset();
    return Long.BYTES + Math.max(0, offset);
  }

  private static Map<String, String> metadata(Path file, JsonNode node) {
    if (!node.isObject()) {
      throw ModelFileRefusal.of(file, "the header's " + METADATA + " is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().isTextual()) {
        throw ModelFileRefusal.of(
            file,
            "metadata "
                + quote(field.getKey())
                + " is "
                + kind(field.getValue())
                + ", not a string");
      }
      metadata.put(field.getKey(), field.getValue().textValue());
    }
    return metadata;
  }

  private static TensorEntry entry(
      Path file, String name, JsonNode node, long dataStart, long dataBytes) {
    String tensor = "tensor " + quote(name);
    if (!node.isObject()) {
      throw ModelFileRefusal.of(
          file,
          tensor + " is " + kind(node) + ", not an object with dtype, shape and data_offsets");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!ENTRY_FIELDS.contains(field.getKey())) {
        throw ModelFileRefusal.of(file, tensor + " has an unknown field " + quote(field.getKey()));
      }
    }
    Dtype dtype = dtype(file, tensor, required(file, tensor, node, "dtype"));
    long[] shape = shape(file, tensor, required(file, tensor, node, "shape"));
    long[] offsets = offsets(file, tensor, required(file, tensor, node, "data_offsets"));
    long begin = offsets[0];
    long end = offsets[1];
    if (end > dataBytes) {
      throw ModelFileRefusal.of(
          file,
          tensor
              + " has data_offsets ["
              + begin
              + ", "
              + end
              + "], which end at byte "
              + offsetInFile(dataStart, end)
              + ", beyond the end of the file at byte "
              + (dataStart + dataBytes));
    }
    long elements = 1;
    long bytes;
    try {
      for (long dimension : shape) {
        elements = Math.multiplyExact(elements, dimension);
      }
      bytes = Math.multiplyExact(elements, (long) dtype.bytes());
    } catch (ArithmeticException e) {
      throw ModelFileRefusal.of(
          file, tensor + " has shape " + Arrays.toString(shape) + ", too many values to count");
    }
    if (bytes != end - begin) {
      throw ModelFileRefusal.of(
          file,
          tensor
              + " has shape "
              + Arrays.toString(shape)
              + " of "
              + dtype
              + ", which takes "
              + bytes
              + " bytes, but its data_offsets ["
              + begin
              + ", "
              + end
              + "] hold "
              + (end - begin)
              + " bytes (file bytes "
              + (dataStart + begin)
              + " to "
              + (dataStart + end)
              + ")");
    }
    long rows = shape.length == 2 ? shape[0] : 1;
    long cols = shape.length == 0 ? 1 : shape[shape.length - 1];
    // Matrix's own limit on the number of values.
    if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE || elements > Integer.MAX_VALUE - 8) {
      throw ModelFileRefusal.of(
          file,
          tensor + " has shape " + Arrays.toString(shape) + ", too large for a Dendrite matrix",
          "split the tensor into smaller ones");
    }
    return new TensorEntry(name, dtype, shape.length, (int) rows, (int) cols, begin, end);
  }

  private static JsonNode required(Path file, String tensor, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw ModelFileRefusal.of(file, tensor + " has no " + field);
    }
    return value;
  }

  private static Dtype dtype(Path file, String tensor, JsonNode node) {
    if (!node.isTextual()) {
      throw ModelFileRefusal.of(file, tensor + " has a dtype that is " + kind(node));
    }
    String name = node.textValue();
    return Dtype.named(name)
        .orElseThrow(
            () ->
                Dtype.isOtherSafetensorsType(name)
                    ? ModelFileRefusal.of(
                        file,
                        tensor + " has dtype " + name + "; Dendrite reads F32 and F64 tensors only",
                        "convert it to float32 before saving, e.g. in PyTorch with"
                            + " {k: v.float() for k, v in tensors.items()}")
                    : ModelFileRefusal.of(file, tensor + " has an unknown dtype " + quote(name)));
  }

  private static long[] shape(Path file, String tensor, JsonNode node) {
    if (!node.isArray()) {
      throw ModelFileRefusal.of(file, tensor + " has a shape that is " + kind(node));
    }
    if (node.size() > 2) {
      throw ModelFileRefusal.of(
          file,
          tensor + " has " + node.size() + " dimensions; Dendrite reads at most 2 (matrices)",
          "reshape it to two dimensions before saving");
    }
    long[] shape = new long[node.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = nonNegative(node.get(i));
      if (shape[i] < 0) {
        throw ModelFileRefusal.of(
            file, tensor + " has dimension " + i + " of " + number(node.get(i)) + " in its shape");
      }
    }
    return shape;
  }

  private static long[] offsets(Path file, String tensor, JsonNode node) {
    if (!node.isArray() || node.size() != 2) {
      throw ModelFileRefusal.of(
          file, tensor + " has data_offsets that are not a pair [begin, end]");
    }
    long begin = nonNegative(node.get(0));
    long end = nonNegative(node.get(1));
    if (begin < 0 || end < 0) {
      throw ModelFileRefusal.of(
          file,
          tensor
              + " has data_offsets ["
              + number(node.get(0))
              + ", "
              + number(node.get(1))
              + "]; expected non-negative integers");
    }
    if (end < begin) {
      throw ModelFileRefusal.of(
          file,
          tensor + " has data_offsets [" + begin + ", " + end + "], which end before they begin");
    }
    return new long[] {begin, end};
  }

  private static void requireContiguous(
      Path file, List<TensorEntry> tensors, long dataStart, long dataBytes) {
    long expected = 0;
    TensorEntry previous = null;
    for (TensorEntry tensor : tensors) {
      if (tensor.begin() < expected) {
        throw ModelFileRefusal.of(
            file,
            "tensor "
                + quote(tensor.name())
                + " starts at byte "
                + (dataStart + tensor.begin())
                + ", inside tensor "
                + quote(previous.name())
                + " (bytes "
                + (dataStart + previous.begin())
                + " to "
                + (dataStart + previous.end())
                + "): the tensors overlap");
      }
      if (tensor.begin() > expected) {
        throw ModelFileRefusal.of(
            file,
            "bytes "
                + (dataStart + expected)
                + " to "
                + (dataStart + tensor.begin())
                + ", before tensor "
                + quote(tensor.name())
                + ", belong to no tensor");
      }
      expected = tensor.end();
      previous = tensor;
    }
    if (expected != dataBytes) {
      throw ModelFileRefusal.of(
          file,
          (dataBytes - expected)
              + " bytes from byte "
              + (dataStart + expected)
              + " to the end of the file belong to no tensor");
    }
  }

  private static long offsetInFile(long dataStart, long offset) {
    // A crafted offset may be near Long.MAX_VALUE.
    long sum = dataStart + offset;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** The value of a non-negative integer that fits a long, or -1. */
  private static long nonNegative(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return node.longValue();
    }
    return -1;
  }

  private static String number(JsonNode node) {
    return node.isNumber() ? ModelFileRefusal.shorten(node.asText()) : kind(node);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "the string " + quote(node.textValue());
      case NUMBER -> "the number " + ModelFileRefusal.shorten(node.asText());
      case BOOLEAN -> node.asText();
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }
}
