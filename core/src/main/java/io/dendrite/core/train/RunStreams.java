package io.dendrite.core.train;

import io.dendrite.core.random.Rng;

/**
 * The independent random streams of a run, each split from the experiment's seed in a fixed order,
 * one per purpose. New streams are added at the end, so that runs made before they existed keep
 * their bits.
 *
 * @param validationSplit which examples are held out for validation
 * @param initialization the network's starting weights
 * @param shuffle the order of the training examples in each epoch
 * @param layers the parent of each layer's own stream (dropout masks)
 * @param data the parent of each dataset's own stream (synthetic data)
 * @param testSplit which examples are held out as the test set
 */
public record RunStreams(
    Rng validationSplit, Rng initialization, Rng shuffle, Rng layers, Rng data, Rng testSplit) {
  /** The streams of the experiment seeded with {@code seed}. */
  public static RunStreams of(long seed) {
    Rng root = new Rng(seed);
    Rng validationSplit = root.split();
    Rng initialization = root.split();
    Rng shuffle = root.split();
    Rng layers = root.split();
    Rng data = root.split();
    Rng testSplit = root.split();
    return new RunStreams(validationSplit, initialization, shuffle, layers, data, testSplit);
  }
}
