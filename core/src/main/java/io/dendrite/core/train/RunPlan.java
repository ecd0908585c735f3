package io.dendrite.core.train;

import java.util.List;

/**
 * What a run of an experiment would be, found by building its network and its optimizer on its data
 * without training: every layer's output width and parameters, the memory they take, and the steps
 * of an epoch.
 *
 * @param inputs features per example after preprocessing, the width of the first layer's input
 * @param layers the layers in order
 * @param trainExamples examples gradients are computed on in each epoch
 * @param validationExamples examples held out to validate after each epoch (0 when none)
 * @param testExamples examples evaluated at the end (0 when none)
 * @param batchSize examples per step
 * @param epochs epochs the experiment asks for at most
 * @param weightBytes the parameters and saved buffers of the layers
 * @param optimizerStateBytes what the optimizer keeps per parameter, measured after one step
 * @param batchBufferBytes an estimate of the per-batch buffers: inputs, outputs and their gradients
 */
public record RunPlan(
    int inputs,
    List<Layer> layers,
    int trainExamples,
    int validationExamples,
    int testExamples,
    int batchSize,
    int epochs,
    long weightBytes,
    long optimizerStateBytes,
    long batchBufferBytes) {
  /**
   * One layer of the plan.
   *
   * @param name its tensors' prefix, {@code layers.0}
   * @param type its plugin id
   * @param activation the id of the activation applied to its output, or empty
   * @param outputs the width of its output (each batch is that many columns)
   * @param parameters its trainable values
   */
  public record Layer(String name, String type, String activation, int outputs, long parameters) {}

  public RunPlan {
    layers = List.copyOf(layers);
  }

  /** Steps in one epoch: a last, smaller batch is a step too. */
  public int stepsPerEpoch() {
    return (trainExamples + batchSize - 1) / batchSize;
  }

  /** Trainable values of the whole network. */
  public long parameters() {
    return layers.stream().mapToLong(Layer::parameters).sum();
  }
}
