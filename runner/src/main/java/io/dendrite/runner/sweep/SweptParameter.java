package io.dendrite.runner.sweep;

import io.dendrite.runner.config.Position;

/**
 * One parameter a sweep varies.
 *
 * @param path an override path: {@code optimizer.learning_rate}, {@code model.layers[0].units}
 * @param at where the path is written in the sweep section, where problems with it are reported
 */
public record SweptParameter(String path, Position at, Distribution distribution) {}
