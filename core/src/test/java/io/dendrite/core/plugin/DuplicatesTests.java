package io.dendrite.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Activation;
import io.dendrite.core.spi.ActivationPlugin;
import io.dendrite.core.spi.PluginKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicatesTests {
  /** An activation plugin with a chosen id, aliases and version. */
  abstract static class Named implements ActivationPlugin {
    private final String id;
    private final String version;
    private final List<String> aliases;

    Named(String id, String version, String... aliases) {
      this.id = id;
      this.version = version;
      this.aliases = List.of(aliases);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<String> aliases() {
      return aliases;
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public Activation create(Params params) {
      return null;
    }
  }

  static final class Cubic extends Named {
    Cubic(String version, String... aliases) {
      super("cubic", version, aliases);
    }
  }

  static final class OtherCubic extends Named {
    OtherCubic(String version, String... aliases) {
      super("cubic", version, aliases);
    }
  }

  static final class ThirdCubic extends Named {
    ThirdCubic() {
      super("cubic", "0.1");
    }
  }

  static final class Quartic extends Named {
    Quartic(String id, String... aliases) {
      super(id, "1.0", aliases);
    }
  }

  private static final String CUBIC = Cubic.class.getName();
  private static final String OTHER = OtherCubic.class.getName();
  private static final String THIRD = ThirdCubic.class.getName();

  private static RegisteredPlugin at(ActivationPlugin p, String source) {
    return new RegisteredPlugin(PluginKind.ACTIVATION, p, source);
  }

  @Test
  void twoPluginsClaimingOneIdAreOneProblemOfTheLastNamingTheFirst() {
    PluginRegistry r =
        new PluginRegistry(
            List.of(at(new Cubic("1.0"), "a.jar"), at(new OtherCubic("3.1"), "b.jar")), List.of());
    assertThat(r.problems())
        .containsExactly(
            new PluginProblem(
                PluginKind.ACTIVATION,
                "cubic",
                "b.jar",
                OTHER
                    + " (version 3.1) claims the activation id 'cubic' that "
                    + CUBIC
                    + " in a.jar (version 1.0) has too; remove one of them (until then using"
                    + " 'cubic' is an error)"));
    // Both stay registered: using the id is the error.
    assertThat(r.plugins()).hasSize(2);
    assertThatThrownBy(() -> r.require(PluginKind.ACTIVATION, "cubic"))
        .isInstanceOf(DendriteException.class)
        .hasMessage(
            "activation id 'cubic' is provided by more than one plugin: "
                + CUBIC
                + " (a.jar, version 1.0) and "
                + OTHER
                + " (b.jar, version 3.1); remove one of them");
    assertThat(r.contains(PluginKind.ACTIVATION, "cubic")).isFalse();
  }

  @Test
  void threeClaimantsAreNamedTogether() {
    PluginRegistry r =
        new PluginRegistry(
            List.of(
                at(new Cubic("1.0"), "a.jar"),
                at(new OtherCubic("3.1"), "b.jar"),
                at(new ThirdCubic(), "c.jar")),
            List.of());
    assertThat(r.problems())
        .singleElement()
        .extracting(PluginProblem::message)
        .isEqualTo(
            THIRD
                + " (version 0.1) claims the activation id 'cubic' that "
                + CUBIC
                + " in a.jar (version 1.0) and "
                + OTHER
                + " in b.jar (version 3.1) have too; remove one of them (until then using 'cubic'"
                + " is an error)");
  }

  @Test
  void theSameClassInTwoJarsIsTwoCopiesOfOnePlugin() {
    PluginRegistry r =
        new PluginRegistry(
            List.of(at(new Cubic("1.0"), "twin-1.0.jar"), at(new Cubic("1.1"), "twin-1.1.jar")),
            List.of());
    assertThat(r.problems())
        .containsExactly(
            new PluginProblem(
                PluginKind.ACTIVATION,
                "cubic",
                "twin-1.1.jar",
                "class "
                    + CUBIC
                    + " (version 1.1) is also in twin-1.0.jar (version 1.0): two copies of one"
                    + " plugin; remove one of them (until then using 'cubic' is an error)"));
    PluginRegistry three =
        new PluginRegistry(
            List.of(
                at(new Cubic("1.0"), "x.jar"),
                at(new Cubic("1.1"), "y.jar"),
                at(new Cubic("1.2"), "z.jar")),
            List.of());
    assertThat(three.problems().get(0).message())
        .startsWith(
            "class "
                + CUBIC
                + " (version 1.2) is also in x.jar (version 1.0) and y.jar (version"
                + " 1.1): two copies");
  }

  @Test
  void oneCopyAmongOtherClassesIsAClaimNotACopy() {
    PluginRegistry r =
        new PluginRegistry(
            List.of(
                at(new OtherCubic("2.0"), "b.jar"),
                at(new Cubic("1.0"), "a.jar"),
                at(new Cubic("1.1"), "a2.jar")),
            List.of());
    assertThat(r.problems().get(0).message()).startsWith(CUBIC + " (version 1.1) claims");
  }

  @Test
  void aPairSharingAnIdAndAnAliasIsOneClashAndOtherClashesAreTheirOwn() {
    PluginRegistry r =
        new PluginRegistry(
            List.of(
                at(new Cubic("1.0", "cube"), "a.jar"),
                at(new OtherCubic("2.0", "cube"), "b.jar"),
                at(new Quartic("quartic"), "q1.jar"),
                at(new Quartic("quartic"), "q2.jar")),
            List.of());
    assertThat(r.problems())
        .extracting(PluginProblem::id)
        .containsExactlyInAnyOrder("cubic", "quartic");
    // An alias may clash alone too.
    PluginRegistry alias =
        new PluginRegistry(
            List.of(
                at(new Quartic("quad", "q4"), "a.jar"), at(new Quartic("quart", "q4"), "b.jar")),
            List.of());
    assertThat(alias.problems()).singleElement().extracting(PluginProblem::id).isEqualTo("q4");
    assertThat(alias.contains(PluginKind.ACTIVATION, "quad")).isTrue();
  }

  @Test
  void registeredPluginsGiveTheirPluginsIdAndVersion() {
    RegisteredPlugin p = at(new Cubic("4.2"), "a.jar");
    assertThat(p.id()).isEqualTo("cubic");
    assertThat(p.version()).isEqualTo("4.2");
    assertThat(Duplicates.describe(p)).isEqualTo(CUBIC + " (a.jar, version 4.2)");
  }
}
