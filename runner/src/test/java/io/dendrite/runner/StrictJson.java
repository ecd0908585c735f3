package io.dendrite.runner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Jackson set up to accept only what RFC 8259 allows (no NaN, no duplicate keys, nothing after the
 * value), so output that passes here parses in any JSON library.
 */
public final class StrictJson {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  private StrictJson() {}

  /** Maps, lists, strings, Doubles or Longs, Booleans and null. */
  public static Object parse(String text) {
    try {
      return STRICT.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not strict JSON: " + e.getOriginalMessage(), e);
    }
  }
}
