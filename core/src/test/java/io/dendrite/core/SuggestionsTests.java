package io.dendrite.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTests {
  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwapsOfNeighbours() {
    assertThat(Suggestions.distance("relu", "relu")).isZero();
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
    assertThat(Suggestions.distance("a", "b")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("abc", "acb")).isEqualTo(1);
    assertThat(Suggestions.distance("abcd", "badc")).isEqualTo(2);
    // Optimal string alignment: a swapped pair is not edited again ("ca" to "abc" is 3, not 2).
    assertThat(Suggestions.distance("ca", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("tnah", "tanh")).isEqualTo(1);
    assertThat(Suggestions.distance("sigmiod", "sigmoid")).isEqualTo(1);
    assertThat(Suggestions.distance("adam", "adamw")).isEqualTo(1);
  }

  @Test
  void theClosestCandidateIsSuggestedAndTheFirstOfEquallyCloseOnes() {
    assertThat(Suggestions.closest("tanhh", List.of("relu", "tanh", "sigmoid"))).contains("tanh");
    assertThat(Suggestions.closest("xelu", List.of("relu", "gelu"))).contains("relu");
    assertThat(Suggestions.closest("xelu", List.of("gelu", "relu"))).contains("gelu");
    assertThat(Suggestions.closest("ReLU", List.of("tanh", "relu"))).contains("relu");
    assertThat(Suggestions.closest("relu", List.of())).isEmpty();
  }

  @Test
  void aGuessMayChangeATypoButNotTheWholeWord() {
    // Up to a third of the word, at least 2 edits, always fewer than its length.
    assertThat(Suggestions.closest("rexx", List.of("relu"))).contains("relu");
    assertThat(Suggestions.closest("rxxx", List.of("relu"))).isEmpty();
    assertThat(Suggestions.closest("ab", List.of("ax"))).contains("ax");
    assertThat(Suggestions.closest("ab", List.of("xy"))).isEmpty();
    assertThat(Suggestions.closest("a", List.of("b"))).isEmpty();
    assertThat(Suggestions.closest("abcdefghi", List.of("abcdefxyz"))).contains("abcdefxyz");
    assertThat(Suggestions.closest("abcdefghi", List.of("abcdewxyz"))).isEmpty();
    assertThat(Suggestions.closest("abcdefghijkl", List.of("abcdefghwxyz")))
        .contains("abcdefghwxyz");
  }
}
