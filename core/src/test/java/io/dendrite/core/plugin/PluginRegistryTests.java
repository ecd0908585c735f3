package io.dendrite.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dendrite.core.DendriteException;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Metric;
import io.dendrite.core.spi.MetricPlugin;
import io.dendrite.core.spi.PluginKind;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTests {
  @TempDir Path dir;

  @Test
  void discoversCorePluginsWithTheirSource() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    assertThat(registry.names(PluginKind.LAYER)).contains("dense", "linear");
    assertThat(registry.names(PluginKind.INITIALIZER)).contains("xavier_uniform", "he_normal");
    assertThat(registry.require(PluginKind.METRIC, "accuracy").source()).endsWith("test-classes");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void unknownIdSuggestsTheClosestAndListsTheKnown() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    assertThatThrownBy(() -> registry.require(PluginKind.INITIALIZER, "he_nromal"))
        .isInstanceOf(DendriteException.class)
        .hasMessageStartingWith(
            "unknown initializer 'he_nromal' (did you mean 'he_normal'?); known: ");
  }

  /** A metric plugin whose id is given by a system-independent constant in its source. */
  private static String metricSource(String pkg, String cls, String id, String extraCtor) {
    return "package "
        + pkg
        + ";\n"
        + "public class "
        + cls
        + " implements io.dendrite.core.spi.MetricPlugin {\n"
        + "  public "
        + cls
        + "() { "
        + extraCtor
        + " }\n"
        + "  public String id() { return \""
        + id
        + "\"; }\n"
        + "  public io.dendrite.core.spi.Metric create(io.dendrite.core.param.Params p) {"
        + " return null; }\n"
        + "}\n";
  }

  /** Compiles {@code source} and packs it into a jar that registers {@code services}. */
  private Path pluginJar(String name, String source, String services) {
    Map<String, byte[]> classes = TestJars.compile(dir.resolve(name + "-build"), List.of(source));
    return TestJars.jar(
        dir.resolve(name + ".jar"),
        false,
        null,
        TestJars.services(MetricPlugin.class, services),
        classes);
  }

  private PluginRegistry registryWith(Path... jars) throws IOException {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader())) {
      return PluginRegistry.discover(loader);
    }
  }

  @Test
  void brokenProvidersAreReportedWithTheirJarAndTheRestStillLoads() throws IOException {
    Path throwing =
        pluginJar(
            "throwing",
            metricSource(
                "p1", "Throwing", "throwing", "throw new IllegalStateException(\"boom\");"),
            "p1.Throwing\n");
    Path missing =
        pluginJar("missing", metricSource("p2", "Fine", "fine", ""), "p2.Fine\np2.DoesNotExist\n");
    PluginRegistry registry = registryWith(throwing, missing);

    assertThat(registry.names(PluginKind.METRIC)).contains("accuracy", "fine");
    assertThat(registry.problems())
        .extracting(PluginProblem::toString)
        .anySatisfy(p -> assertThat(p).contains("throwing.jar").contains("boom"))
        .anySatisfy(p -> assertThat(p).contains("missing.jar").contains("p2.DoesNotExist"));
    assertThatThrownBy(() -> registry.require(PluginKind.METRIC, "throwing"))
        .hasMessageContaining("a metric plugin failed to load")
        .hasMessageContaining("throwing.jar");
  }

  @Test
  void twoPluginsWithOneIdAreAnErrorNamingBothJarsWhenUsed() throws IOException {
    Path a = pluginJar("a", metricSource("pa", "Acc", "accuracy", ""), "pa.Acc\n");
    PluginRegistry registry = registryWith(a);
    assertThatThrownBy(() -> registry.require(PluginKind.METRIC, "accuracy"))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("more than one plugin")
        .hasMessageContaining("a.jar")
        .hasMessageContaining("StandInAccuracy$Plugin");
    // Other ids are unaffected.
    assertThat(registry.contains(PluginKind.INITIALIZER, "he_normal")).isTrue();
  }

  @Test
  void invalidIdsAreRefusedWithTheReason() throws IOException {
    Path bad = pluginJar("bad", metricSource("pb", "Bad", "My Metric", ""), "pb.Bad\n");
    PluginRegistry registry = registryWith(bad);
    assertThat(registry.names(PluginKind.METRIC)).doesNotContain("My Metric");
    assertThat(registry.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).endsWith("bad.jar");
              assertThat(p.message()).contains("'My Metric'").contains("lower_snake_case");
            });
  }

  @Test
  void createFillsDefaultsOfAComponentGivenById() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    Metric m =
        registry.create(
            new io.dendrite.core.spi.ComponentSpec(PluginKind.METRIC, "accuracy", Params.empty()),
            Metric.class);
    Metric other =
        registry.create(
            new io.dendrite.core.spi.ComponentSpec(PluginKind.METRIC, "accuracy", Params.empty()),
            Metric.class);
    assertThat(m).isNotSameAs(other);
    assertThat(List.of(m.result().value())).containsExactly(Double.NaN);
  }
}
