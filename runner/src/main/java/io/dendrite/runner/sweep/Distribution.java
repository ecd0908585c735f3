package io.dendrite.runner.sweep;

import io.dendrite.core.random.Rng;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.util.List;

/** Where a swept parameter's values come from: a list, or a range to draw from. */
public sealed interface Distribution {
  /** The value of one trial, drawn from {@code rng} (which a list of values ignores in a grid). */
  ConfigNode draw(Rng rng);

  /**
   * The values as written ({@code values: [...]}): every one in a grid, one at random otherwise.
   */
  record Values(List<ConfigNode> values) implements Distribution {
    public Values {
      values = List.copyOf(values);
    }

    @Override
    public ConfigNode draw(Rng rng) {
      return values.get(rng.nextInt(values.size()));
    }
  }

  /** Uniform in [min, max). */
  record Uniform(double min, double max, Position at) implements Distribution {
    @Override
    public ConfigNode draw(Rng rng) {
      return number(min + (max - min) * rng.nextDouble(), at);
    }
  }

  /** Uniform in log space, for rates and decays: exp of uniform in [log min, log max). */
  record LogUniform(double min, double max, Position at) implements Distribution {
    @Override
    public ConfigNode draw(Rng rng) {
      double lo = Math.log(min);
      double hi = Math.log(max);
      return number(Math.exp(lo + (hi - lo) * rng.nextDouble()), at);
    }
  }

  /** An integer from min to max, both included. */
  record IntUniform(long min, long max, Position at) implements Distribution {
    @Override
    public ConfigNode draw(Rng rng) {
      long value = min + rng.nextInt((int) (max - min + 1));
      Object boxed = value == (int) value ? (Object) (int) value : (Object) value;
      return new ConfigScalar(at, "", boxed, Long.toString(value));
    }
  }

  private static ConfigScalar number(double value, Position at) {
    return new ConfigScalar(at, "", value, Double.toString(value));
  }
}
