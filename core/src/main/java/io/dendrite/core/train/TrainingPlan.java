package io.dendrite.core.train;

import java.util.List;

/**
 * What a training run is about to do, known once data is loaded and the network built.
 *
 * @param trainExamples examples used for gradient steps (after the validation split)
 * @param validationExamples examples held out for validation, possibly 0
 * @param testExamples examples of the test set, possibly 0
 * @param inputSize features per example, inferred from the data
 * @param outputSize width of the network's output
 * @param parameterCount trainable values in the network
 * @param epochs passes over the training examples
 * @param stepsPerEpoch optimizer steps per epoch
 * @param classNames the name of each output class, for classification; empty for regression
 * @param preprocessing the experiment's preprocessing steps with what they fitted on the training
 *     split, as parameter values (the resolved experiment records them)
 */
public record TrainingPlan(
    int trainExamples,
    int validationExamples,
    int testExamples,
    int inputSize,
    int outputSize,
    long parameterCount,
    int epochs,
    int stepsPerEpoch,
    List<String> classNames,
    List<io.dendrite.core.spi.ComponentSpec> preprocessing) {
  public TrainingPlan {
    classNames = List.copyOf(classNames);
    preprocessing = List.copyOf(preprocessing);
  }
}
