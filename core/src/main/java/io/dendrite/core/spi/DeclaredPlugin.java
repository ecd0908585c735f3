package io.dendrite.core.spi;

import io.dendrite.core.param.Param;
import io.dendrite.core.param.Params;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A plugin described by a {@link Declaration} and made by a constructor reference: what the {@code
 * Base} class of every kind extends, so that a plugin is a one-line constructor.
 *
 * <pre>{@code
 * public static final class Plugin extends ActivationPlugin.Base {
 *   public Plugin() {
 *     super(declare("leaky_relu", "max(x, slope x)").params(SLOPE), LeakyRelu::new);
 *   }
 * }
 * }</pre>
 *
 * @param <T> the instance type
 */
public abstract class DeclaredPlugin<T> implements Plugin<T> {
  private final Declaration declaration;
  private final Function<Params, ? extends T> factory;

  /**
   * The plugin {@code declaration} describes; {@code factory} makes each instance from the
   * validated parameters.
   */
  protected DeclaredPlugin(Declaration declaration, Function<Params, ? extends T> factory) {
    this.declaration = Objects.requireNonNull(declaration, "declaration");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** A plugin with no parameters: its id, a one-line summary, and how to make one. */
  protected DeclaredPlugin(String id, String summary, Supplier<? extends T> factory) {
    this(declare(id, summary), params -> factory.get());
  }

  /** The start of a declaration: id and summary; add aliases and parameters to it. */
  public static Declaration declare(String id, String summary) {
    return new Declaration(id, summary, List.of(), List.of());
  }

  /**
   * What a plugin says about itself.
   *
   * @param id lower_snake_case, unique within the kind
   * @param summary one line for people
   * @param aliases other ids for the same plugin
   * @param params every parameter it accepts
   */
  public record Declaration(
      String id, String summary, List<String> aliases, List<Param<?>> params) {
    /** Requires an id and a summary; copies the lists, so a declaration never changes. */
    public Declaration {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(summary, "summary");
      aliases = List.copyOf(aliases);
      params = List.copyOf(params);
    }

    /** This declaration with other ids for the same plugin. */
    public Declaration aliases(String... names) {
      return new Declaration(id, summary, List.of(names), params);
    }

    /** This declaration with the parameters the plugin accepts. */
    public Declaration params(Param<?>... declared) {
      return new Declaration(id, summary, aliases, List.of(declared));
    }
  }

  @Override
  public final String id() {
    return declaration.id();
  }

  @Override
  public final List<String> aliases() {
    return declaration.aliases();
  }

  @Override
  public final String summary() {
    return declaration.summary();
  }

  @Override
  public final List<Param<?>> params() {
    return declaration.params();
  }

  @Override
  public java.util.Map<String, Object> derivedDefaults(Params params) {
    return java.util.Map.of();
  }

  @Override
  public final T create(Params params) {
    return factory.apply(params);
  }

  @Override
  public String toString() {
    return getClass().getName() + "[" + declaration.id() + "]";
  }
}
