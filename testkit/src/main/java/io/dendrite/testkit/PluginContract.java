package io.dendrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import io.dendrite.core.spi.Plugin;
import io.dendrite.core.spi.PluginKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do, whatever its kind. Extend the contract of your plugin's kind (for
 * example {@link ActivationContract}); it extends this one.
 *
 * <ul>
 *   <li>It <b>must</b> have a lower_snake_case id, and aliases of the same form.
 *   <li>It <b>must</b> document every parameter in one line, and declare each name once.
 *   <li>It <b>must</b> be registered in {@code META-INF/services} under its kind's interface, so
 *       that {@link ServiceLoader} finds it.
 *   <li>{@link Plugin#create} <b>must</b> return a new instance on every call.
 * </ul>
 *
 * @param <T> the plugin's instance type
 */
public abstract class PluginContract<T> {
  /** The plugin under test, as {@link ServiceLoader} would make it. */
  protected abstract Plugin<T> plugin();

  /** The plugin's kind. */
  protected abstract PluginKind kind();

  /**
   * Parameter values used to create the instance under test; defaults for the rest. Override when a
   * parameter is required (a path, say).
   */
  protected Map<String, Object> parameters() {
    return Map.of();
  }

  /** A fresh instance created from {@link #parameters()}. */
  protected T newInstance() {
    return plugin().create(Params.resolve(plugin().params(), new HashMap<>(parameters())));
  }

  @Test
  void idIsLowerSnakeCase() {
    assertThat(plugin().id()).matches("[a-z][a-z0-9_]*");
    for (String alias : plugin().aliases()) {
      assertThat(alias).matches("[a-z][a-z0-9_]*").isNotEqualTo(plugin().id());
    }
  }

  @Test
  void everyParameterIsDocumented() {
    for (Param<?> p : plugin().params()) {
      assertThat(p.doc()).as("doc of parameter %s", p.name()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void parameterNamesAreUnique() {
    Set<String> names = new HashSet<>();
    for (Param<?> p : plugin().params()) {
      assertThat(names.add(p.name())).as("parameter %s is declared once", p.name()).isTrue();
    }
  }

  @Test
  void isRegisteredForServiceLoader() {
    boolean found =
        ServiceLoader.load(kind().serviceType()).stream()
            .anyMatch(p -> p.type().equals(plugin().getClass()));
    assertThat(found)
        .as(
            "%s is listed in META-INF/services/%s",
            plugin().getClass().getName(), kind().serviceType().getName())
        .isTrue();
  }

  @Test
  void createReturnsAFreshInstanceEachTime() {
    T first = newInstance();
    T second = newInstance();
    assertThat(first).isNotNull();
    assertThat(second).isNotSameAs(first);
  }
}
