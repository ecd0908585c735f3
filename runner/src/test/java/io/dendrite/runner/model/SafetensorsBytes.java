package io.dendrite.runner.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** A safetensors file's tensors as written (entries and data bytes), without its metadata. */
public record SafetensorsBytes(Map<String, Object> entries, byte[] data) {
  @SuppressWarnings("unchecked")
  public static SafetensorsBytes of(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Map<String, Object> header =
        new ObjectMapper().readValue(new String(b, 8, (int) n, "UTF-8"), Map.class);
    Map<String, Object> entries = new TreeMap<>(header);
    entries.remove("__metadata__");
    return new SafetensorsBytes(entries, Arrays.copyOfRange(b, 8 + (int) n, b.length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SafetensorsBytes s
        && entries.equals(s.entries)
        && Arrays.equals(data, s.data);
  }

  @Override
  public int hashCode() {
    return entries.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return entries.keySet() + " (" + data.length + " bytes)";
  }
}
