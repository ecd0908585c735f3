package io.dendrite.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.spi.PluginKind;
import io.dendrite.core.standin.StandInAccuracy;
import io.dendrite.core.standin.StandInInitializers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups in a registry built from plugins in hand: ids, aliases, clashes, notes of problems. */
class PluginRegistryLookupTests {
  private static final RegisteredPlugin HE =
      new RegisteredPlugin(PluginKind.INITIALIZER, new StandInInitializers.HeNormal(), "a.jar");
  private static final RegisteredPlugin XAVIER =
      new RegisteredPlugin(
          PluginKind.INITIALIZER, new StandInInitializers.XavierUniform(), "a.jar");
  private static final RegisteredPlugin ACCURACY =
      new RegisteredPlugin(PluginKind.METRIC, new StandInAccuracy.Plugin(), "b.jar");

  @Test
  void idsAndAliasesResolveAndListSorted() {
    PluginRegistry registry = new PluginRegistry(List.of(XAVIER, ACCURACY, HE), List.of());
    assertThat(registry.require(PluginKind.INITIALIZER, "he_normal")).isSameAs(HE);
    assertThat(registry.require(PluginKind.INITIALIZER, "kaiming_normal")).isSameAs(HE);
    assertThat(registry.contains(PluginKind.INITIALIZER, "kaiming_normal")).isTrue();
    assertThat(registry.contains(PluginKind.METRIC, "he_normal")).as("another kind").isFalse();
    assertThat(registry.names(PluginKind.INITIALIZER))
        .containsExactly("he_normal", "kaiming_normal", "xavier_uniform");
    assertThat(registry.known(PluginKind.INITIALIZER))
        .isEqualTo("he_normal, kaiming_normal, xavier_uniform");
    assertThat(registry.known(PluginKind.LOSS)).isEqualTo("none installed");
    assertThat(registry.plugins()).containsExactly(HE, XAVIER, ACCURACY).isUnmodifiable();
    assertThat(registry.plugins(PluginKind.INITIALIZER)).containsExactly(HE, XAVIER);
    assertThat(registry.plugins(PluginKind.LOSS)).isEmpty();
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void twoPluginsWithOneIdAreBothKeptAndTheIdIsAnError() {
    RegisteredPlugin other =
        new RegisteredPlugin(PluginKind.INITIALIZER, new StandInInitializers.HeNormal(), "c.jar");
    PluginRegistry registry = new PluginRegistry(List.of(HE, other, XAVIER), List.of());
    assertThat(registry.contains(PluginKind.INITIALIZER, "he_normal")).isFalse();
    assertThat(registry.contains(PluginKind.INITIALIZER, "xavier_uniform")).isTrue();
    assertThat(registry.plugins(PluginKind.INITIALIZER)).hasSize(3);
    assertThatThrownBy(() -> registry.require(PluginKind.INITIALIZER, "he_normal"))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith("initializer id 'he_normal' is provided by more than one plugin: ")
        .hasMessageContaining("a.jar")
        .hasMessageContaining("c.jar")
        .hasMessageEndingWith("; remove one of them");
    // The clash is one problem however often the registry is rebuilt from its own parts.
    assertThat(registry.problems()).hasSize(1);
    assertThat(registry.problems().get(0).id()).isEqualTo("he_normal");
    PluginRegistry again = new PluginRegistry(registry.plugins(), registry.problems());
    assertThat(again.problems()).isEqualTo(registry.problems());
  }

  @Test
  void unknownNameNotesOnlyTheProblemsThatMayExplainIt() {
    List<PluginProblem> problems =
        List.of(
            new PluginProblem(PluginKind.INITIALIZER, "orthogonal", "x.jar", "no constructor"),
            new PluginProblem(PluginKind.METRIC, "f1", "y.jar", "no constructor"),
            new PluginProblem(PluginKind.INITIALIZER, "he_normal", "z.jar", "an old copy"),
            new PluginProblem(null, null, "notes.txt", "not a jar"));
    PluginRegistry registry = new PluginRegistry(List.of(HE, XAVIER), problems);
    assertThat(registry.problems()).containsExactlyElementsOf(problems).isUnmodifiable();
    assertThatThrownBy(() -> registry.require(PluginKind.INITIALIZER, "he_nromal"))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            "unknown initializer 'he_nromal' (did you mean 'he_normal'?); known: he_normal,"
                + " kaiming_normal, xavier_uniform\n"
                + "  note: an initializer plugin failed to load: x.jar: initializer 'orthogonal':"
                + " no constructor\n"
                + "  note: a plugin jar was not loaded: notes.txt: not a jar");
    assertThat(registry.unknownMessage(PluginKind.LOSS, "mse"))
        .isEqualTo(
            "unknown loss 'mse'; known: none installed\n"
                + "  note: a plugin jar was not loaded: notes.txt: not a jar");
    assertThat(registry.contains(PluginKind.INITIALIZER, "orthogonal")).isFalse();
  }
}
