package io.dendrite.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.StrictJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTests {
  @Test
  void escapesEverythingJsonRequires() {
    String nasty =
        "quote \" backslash \\ newline \n tab \t bell \u0007 nul \0 sep \u2028 e\u0301 \uD83D\uDE00";
    String json = JsonWriter.write(Map.of("k\"ey", nasty));
    assertThat(StrictJson.parse(json)).isEqualTo(Map.of("k\"ey", nasty));
    assertThat(json).contains("\\u0007").contains("\\u0000");
  }

  @Test
  void loneSurrogatesAreEscaped() {
    String json = JsonWriter.write(List.of("a\uD800b"));
    assertThat(json).isEqualToIgnoringCase("[\"a\\ud800b\"]");
  }

  @Test
  void writesNumbersAtFullPrecisionAndNonFiniteAsNull() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("third", 1.0 / 3);
    m.put("small", 1e-8);
    m.put("int", 3);
    m.put("long", 12345678901L);
    m.put("nan", Double.NaN);
    m.put("inf", Double.NEGATIVE_INFINITY);
    m.put("bool", true);
    m.put("none", null);
    Map<?, ?> back = (Map<?, ?>) StrictJson.parse(JsonWriter.write(m));
    assertThat(back.get("third")).isEqualTo(1.0 / 3);
    assertThat(back.get("small")).isEqualTo(1e-8);
    assertThat(back.get("int")).isEqualTo(3L);
    assertThat(back.get("long")).isEqualTo(12345678901L);
    assertThat(back.get("nan")).isNull();
    assertThat(back.get("inf")).isNull();
    assertThat(back.get("bool")).isEqualTo(true);
    assertThat(back.containsKey("none")).isTrue();
  }

  @Test
  void objectsGoOneEntryPerLineArraysStayOnOne() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("a", 1);
    inner.put("b", Arrays.asList("x", null));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("inner", inner);
    outer.put("empty", List.of());
    assertThat(JsonWriter.write(outer))
        .isEqualTo(
            "{\n  \"inner\": {\n    \"a\": 1,\n    \"b\": [\"x\", null]\n  },\n  \"empty\": []\n}");
  }
}
