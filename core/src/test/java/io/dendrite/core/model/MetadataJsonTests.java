package io.dendrite.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.spi.MetricValue;
import io.dendrite.core.train.EpochResult;
import io.dendrite.core.train.Evaluation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataJsonTests {
  @Test
  void nonFiniteNumbersAndPathsAreWrittenAsText() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("nan", Double.NaN);
    m.put("up", Double.POSITIVE_INFINITY);
    m.put("down", Double.NEGATIVE_INFINITY);
    m.put("finite", 0.1);
    m.put("zero", 0.0);
    m.put("path", Path.of("data", "x.csv"));
    m.put("list", List.of(Double.NaN, 1.5, Path.of("p")));
    m.put(7, "key as text");
    assertThat(MetadataJson.write(m))
        .isEqualTo(
            "{\"nan\":\"NaN\",\"up\":\"Infinity\",\"down\":\"-Infinity\",\"finite\":0.1,"
                + "\"zero\":0.0,\"path\":\""
                + Path.of("data", "x.csv")
                + "\",\"list\":[\"NaN\",1.5,\"p\"],\"7\":\"key as text\"}");
    assertThat(MetadataJson.plain(Float.NaN)).isEqualTo(Float.NaN);
  }

  @Test
  void numbersAreReadBackFromTheirJsonForms() {
    assertThat(MetadataJson.number(2)).isEqualTo(2.0);
    assertThat(MetadataJson.number(0.25)).isEqualTo(0.25);
    assertThat(MetadataJson.number("NaN")).isNaN();
    assertThat(MetadataJson.number("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MetadataJson.number("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> MetadataJson.number("1.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a number: 1.5");
    assertThatThrownBy(() -> MetadataJson.number(true)).hasMessage("not a number: true");
  }

  @Test
  void anEpochSurvivesItsJsonForm() throws Exception {
    MetricValue accuracy =
        new MetricValue(0.75, List.of(0.5, 1.0), List.of(List.of(1.0, 1.0), List.of(0.0, 2.0)));
    Evaluation train = new Evaluation(0.5, Map.of("accuracy", accuracy), 4);
    Evaluation validation = new Evaluation(Double.NaN, Map.of(), 0);
    EpochResult epoch = new EpochResult(3, train, Optional.of(validation), 1.25, 7, 0.01);
    String json = MetadataJson.write(MetadataJson.epoch(epoch));
    @SuppressWarnings("unchecked")
    Map<String, Object> read =
        new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
    EpochResult back = MetadataJson.epochFrom(read);
    assertThat(back.epoch()).isEqualTo(3);
    assertThat(back.steps()).isEqualTo(7);
    assertThat(back.seconds()).isEqualTo(1.25);
    assertThat(back.learningRate()).isEqualTo(0.01);
    assertThat(back.train().loss()).isEqualTo(0.5);
    assertThat(back.train().examples()).isEqualTo(4);
    assertThat(back.train().metrics()).containsExactly(Map.entry("accuracy", accuracy));
    assertThat(back.validation()).hasValueSatisfying(v -> assertThat(v.loss()).isNaN());
    EpochResult without = new EpochResult(1, train, Optional.empty(), 0, 1, 0.1);
    @SuppressWarnings("unchecked")
    Map<String, Object> readWithout =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(MetadataJson.write(MetadataJson.epoch(without)), Map.class);
    assertThat(MetadataJson.epochFrom(readWithout).validation()).isEmpty();
  }
}
