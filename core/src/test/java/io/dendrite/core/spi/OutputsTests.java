package io.dendrite.core.spi;

import static io.dendrite.core.spi.Outputs.CLASS_PROBABILITIES;
import static io.dendrite.core.spi.Outputs.LOG_CLASS_PROBABILITIES;
import static io.dendrite.core.spi.Outputs.NON_NEGATIVE;
import static io.dendrite.core.spi.Outputs.PROBABILITIES;
import static io.dendrite.core.spi.Outputs.REAL;
import static io.dendrite.core.spi.Outputs.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputsTests {
  @Test
  void aKindSuitsItselfAndEveryKindItIsInside() {
    assertThat(CLASS_PROBABILITIES.suits(CLASS_PROBABILITIES)).isTrue();
    assertThat(CLASS_PROBABILITIES.suits(PROBABILITIES)).isTrue();
    assertThat(CLASS_PROBABILITIES.suits(NON_NEGATIVE)).isTrue();
    assertThat(CLASS_PROBABILITIES.suits(REAL)).isTrue();
    assertThat(PROBABILITIES.suits(NON_NEGATIVE)).isTrue();
    assertThat(LOG_CLASS_PROBABILITIES.suits(LOG_CLASS_PROBABILITIES)).isTrue();
    assertThat(LOG_CLASS_PROBABILITIES.suits(REAL)).isTrue();
  }

  @Test
  void aBroaderOrUnrelatedKindDoesNotSuit() {
    assertThat(REAL.suits(NON_NEGATIVE)).isFalse();
    assertThat(NON_NEGATIVE.suits(PROBABILITIES)).isFalse();
    assertThat(PROBABILITIES.suits(CLASS_PROBABILITIES)).isFalse();
    assertThat(LOG_CLASS_PROBABILITIES.suits(CLASS_PROBABILITIES)).isFalse();
    assertThat(LOG_CLASS_PROBABILITIES.suits(NON_NEGATIVE)).isFalse();
    assertThat(CLASS_PROBABILITIES.suits(LOG_CLASS_PROBABILITIES)).isFalse();
    assertThat(REAL.suits(LOG_CLASS_PROBABILITIES)).isFalse();
  }

  @Test
  void unknownSuitsAnythingAndAnythingSuitsUnknownOrReal() {
    for (Outputs k : Outputs.values()) {
      assertThat(UNKNOWN.suits(k)).as("unknown for " + k).isTrue();
      assertThat(k.suits(UNKNOWN)).as(k + " for unknown").isTrue();
      assertThat(k.suits(REAL)).as(k + " for real").isTrue();
    }
  }

  @Test
  void descriptionsAreWordsForMessages() {
    assertThat(REAL.description()).isEqualTo("any real values");
    assertThat(CLASS_PROBABILITIES.description()).isEqualTo("probabilities over the classes");
    assertThat(UNKNOWN.description()).isEqualTo("values of an undeclared kind");
  }
}
