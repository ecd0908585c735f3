package io.dendrite.core.train;

import java.util.Optional;

/**
 * Measurements of one epoch.
 *
 * @param epoch counted from 1
 * @param train loss and metrics over the epoch's mini-batches, as the network was while learning
 * @param validation loss and metrics on the held-out examples after the epoch, if any
 * @param seconds wall time of the epoch, validation included
 * @param steps optimizer steps taken: fewer than planned when training was stopped in the epoch
 * @param learningRate the learning rate of the epoch's last step
 */
public record EpochResult(
    int epoch,
    Evaluation train,
    Optional<Evaluation> validation,
    double seconds,
    int steps,
    double learningRate) {}
