package io.dendrite.testkit;

import io.dendrite.core.param.Params;
import io.dendrite.core.random.Rng;
import io.dendrite.core.spi.Layer;
import io.dendrite.core.spi.LayerContext;
import io.dendrite.core.spi.LayerPlugin;
import io.dendrite.core.tensor.Buffer;
import io.dendrite.core.tensor.Matrix;
import io.dendrite.core.tensor.Parameter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Two small, correct layers that {@link LayerContract} is run against, each of which can be told to
 * break one rule, for the self-tests that feed the contract broken layers.
 */
final class LayerFixtures {
  private LayerFixtures() {}

  /** A rule a fixture layer breaks. */
  enum Break {
    /** Backward forgets the weight in the input gradient. */
    WRONG_BACKWARD,
    /** Backward adds to the parameter gradients instead of setting them. */
    ACCUMULATES_GRADIENTS,
    /** Forward allocates its output on every call. */
    ALLOCATES,
    /** Forward and backward work on every row the matrices can hold. */
    WHOLE_BUFFER,
    /** Names its tensors {@code layers.0.*} whatever the context says. */
    HARD_CODED_NAME,
    /** Replaces its buffer's matrix at every training step. */
    NEW_BUFFER_EACH_STEP,
    /** Forward scales its input in place and returns it. */
    MODIFIES_INPUT,
    /** Updates its running mean in evaluation too. */
    STATE_IN_EVALUATION,
    /** Rounds its float32 output to a multiple of 1/64. */
    CRUDE_FLOAT,
    /** Draws its mask from a generator of its own. */
    OWN_RANDOMNESS,
    /** Draws its mask once, when built. */
    FIXED_MASK,
    /** Backward passes the gradient through without the mask. */
    BACKWARD_IGNORES_MASK,
    /** Draws its mask from a generator split from its stream when built. */
    SPLIT_STREAM
  }

  /**
   * {@code y = x ⊙ w + b} per feature, with a running mean of the inputs as its buffer (updated in
   * training, not used by the output, so that training and evaluation give the same results).
   */
  static class Scale implements Layer {
    private final Set<Break> breaks;
    private final Matrix[] sharedOutput;
    private final double gain;
    private LayerContext context;
    private int width;
    private Parameter weight;
    private Parameter bias;
    private Buffer runningMean;
    private Matrix output;
    private Matrix gradInput;
    private Matrix input;

    Scale(Set<Break> breaks, Matrix[] sharedOutput, double gain) {
      this.breaks = breaks.isEmpty() ? EnumSet.noneOf(Break.class) : EnumSet.copyOf(breaks);
      this.sharedOutput = sharedOutput;
      this.gain = gain;
    }

    Scale(Break broken) {
      this(Set.of(broken), null, 1);
    }

    /** Starting weights {@code gain · (1 + N(0, 1/4))}. */
    Scale(double gain) {
      this(Set.of(), null, gain);
    }

    Scale() {
      this(1);
    }

    @Override
    public void build(int inputSize, LayerContext context) {
      this.context = context;
      width = inputSize;
      String name = breaks.contains(Break.HARD_CODED_NAME) ? "layers.0" : context.name();
      weight = new Parameter(name + ".weight", context.matrix(1, width), context.matrix(1, width));
      bias = new Parameter(name + ".bias", context.matrix(1, width), context.matrix(1, width));
      runningMean = new Buffer(name + ".running_mean", context.matrix(1, width));
      if (sharedOutput != null && sharedOutput[0] != null) {
        output = sharedOutput[0];
      } else {
        output = context.matrix(context.maxBatchRows(), width);
        if (sharedOutput != null) {
          sharedOutput[0] = output;
        }
      }
      gradInput = context.matrix(context.maxBatchRows(), width);
    }

    @Override
    public void initialize(Rng rng) {
      for (int j = 0; j < width; j++) {
        weight.value().set(j, gain * (1 + 0.5 * rng.nextGaussian()));
      }
      bias.value().fill(0);
      runningMean.value().fill(0);
    }

    @Override
    public int outputSize() {
      return width;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(weight, bias);
    }

    @Override
    public List<Buffer> buffers() {
      return List.of(runningMean);
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
      int rows = x.rows();
      boolean whole = breaks.contains(Break.WHOLE_BUFFER);
      if (whole) {
        x.setRows(x.capacityRows());
      }
      int used = x.rows();
      input = x;
      Matrix y;
      if (breaks.contains(Break.MODIFIES_INPUT)) {
        y = x;
      } else if (breaks.contains(Break.ALLOCATES)) {
        y = context.matrix(used, width);
      } else {
        y = output.setRows(Math.min(used, output.capacityRows()));
      }
      boolean crude = breaks.contains(Break.CRUDE_FLOAT) && !y.isDouble();
      for (int i = 0; i < y.rows(); i++) {
        for (int j = 0; j < width; j++) {
          double v = x.get(i, j) * weight.value().get(j) + bias.value().get(j);
          y.set(i, j, crude ? Math.rint(v * 64) / 64 : v);
        }
      }
      if (training || breaks.contains(Break.STATE_IN_EVALUATION)) {
        if (training && breaks.contains(Break.NEW_BUFFER_EACH_STEP)) {
          Matrix fresh = runningMean.value().copy();
          runningMean = new Buffer(runningMean.name(), fresh);
        }
        for (int j = 0; j < width; j++) {
          double mean = 0;
          for (int i = 0; i < used; i++) {
            mean += x.get(i, j);
          }
          double old = runningMean.value().get(j);
          runningMean.value().set(j, 0.9 * old + 0.1 * mean / used);
        }
      }
      if (whole) {
        x.setRows(rows);
        y.setRows(rows);
      }
      return y;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
      int rows = gradOutput.rows();
      boolean whole = breaks.contains(Break.WHOLE_BUFFER);
      if (whole) {
        gradOutput.setRows(gradOutput.capacityRows());
        input.setRows(input.capacityRows());
      }
      int used = Math.min(gradOutput.rows(), input.rows());
      boolean accumulate = breaks.contains(Break.ACCUMULATES_GRADIENTS);
      Matrix dx = gradInput.setRows(Math.min(used, gradInput.capacityRows()));
      for (int j = 0; j < width; j++) {
        double dw = accumulate ? weight.gradient().get(j) : 0;
        double db = accumulate ? bias.gradient().get(j) : 0;
        for (int i = 0; i < used; i++) {
          double g = gradOutput.get(i, j);
          dw += g * input.get(i, j);
          db += g;
          if (i < dx.rows()) {
            dx.set(i, j, breaks.contains(Break.WRONG_BACKWARD) ? g : g * weight.value().get(j));
          }
        }
        weight.gradient().set(j, dw);
        bias.gradient().set(j, db);
      }
      if (whole) {
        gradOutput.setRows(rows);
        input.setRows(rows);
        dx.setRows(rows);
      }
      return dx;
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class ScalePlugin implements LayerPlugin {
    @Override
    public String id() {
      return "test_scale";
    }

    @Override
    public Layer create(Params params) {
      return new Scale();
    }
  }

  /**
   * Inverted dropout with rate 1/2: in training, each value is kept, doubled, or zeroed, by a draw
   * from the layer's stream; in evaluation, the input itself is the output.
   */
  static class Noise implements Layer {
    private final Set<Break> breaks;
    private Rng rng;
    private java.util.Random own;
    private int width;
    private Matrix mask;
    private Matrix output;
    private Matrix gradInput;
    private boolean masked;

    Noise(Break broken) {
      this.breaks = broken == null ? EnumSet.noneOf(Break.class) : EnumSet.of(broken);
    }

    Noise() {
      this(null);
    }

    @Override
    public void build(int inputSize, LayerContext context) {
      width = inputSize;
      rng = breaks.contains(Break.SPLIT_STREAM) ? context.rng().split() : context.rng();
      own = new java.util.Random();
      mask = context.matrix(context.maxBatchRows(), width);
      output = context.matrix(context.maxBatchRows(), width);
      gradInput = context.matrix(context.maxBatchRows(), width);
      if (breaks.contains(Break.FIXED_MASK)) {
        mask.setRows(mask.capacityRows());
        draw(mask.size());
      }
    }

    private void draw(int n) {
      for (int i = 0; i < n; i++) {
        double u = breaks.contains(Break.OWN_RANDOMNESS) ? own.nextDouble() : rng.nextDouble();
        mask.set(i, u < 0.5 ? 0 : 2);
      }
    }

    @Override
    public void initialize(Rng rng) {}

    @Override
    public int outputSize() {
      return width;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of();
    }

    @Override
    public Matrix forward(Matrix x, boolean training) {
      masked = training;
      if (!training) {
        return x;
      }
      int n = x.size();
      if (!breaks.contains(Break.FIXED_MASK)) {
        mask.setRows(x.rows());
        draw(n);
      }
      Matrix y = output.setRows(x.rows());
      for (int i = 0; i < n; i++) {
        y.set(i, x.get(i) * mask.get(i));
      }
      return y;
    }

    @Override
    public Matrix backward(Matrix gradOutput) {
      if (!masked) {
        return gradOutput;
      }
      Matrix dx = gradInput.setRows(gradOutput.rows());
      boolean ignore = breaks.contains(Break.BACKWARD_IGNORES_MASK);
      for (int i = 0; i < gradOutput.size(); i++) {
        dx.set(i, ignore ? gradOutput.get(i) : gradOutput.get(i) * mask.get(i));
      }
      return dx;
    }
  }

  /** Registered in this module's test {@code META-INF/services}. */
  public static final class NoisePlugin implements LayerPlugin {
    @Override
    public String id() {
      return "test_noise";
    }

    @Override
    public Layer create(Params params) {
      return new Noise();
    }
  }
}
