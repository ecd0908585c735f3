package io.dendrite.core.train;

import io.dendrite.core.nn.Network;
import io.dendrite.core.spi.Optimizer;
import java.util.Optional;

/**
 * Where training stands, for listeners and gradient processors: epoch, step, learning rate, the
 * network and optimizer, and a way to stop.
 *
 * <p>One instance lives as long as a run and is updated in place, so reading it allocates nothing.
 */
public final class TrainingContext {
  private final Network network;
  private final Optimizer optimizer;
  private final int stepsPerEpoch;
  private int epoch;
  private int step;
  private long globalStep;
  private volatile String stopReason;
  private java.util.function.Supplier<TrainingCheckpoint> checkpoints;

  TrainingContext(Network network, Optimizer optimizer, int stepsPerEpoch) {
    this.network = network;
    this.optimizer = optimizer;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  void checkpointsFrom(java.util.function.Supplier<TrainingCheckpoint> source) {
    checkpoints = source;
  }

  /** Continues counting from a checkpoint's position. */
  void resumeAt(int epoch, long step) {
    this.epoch = epoch;
    this.step = stepsPerEpoch;
    this.globalStep = step;
  }

  /**
   * Everything the run needs to continue from here, as copies: call it at the end of an epoch
   * ({@link TrainingListener#onEpoch}), where checkpoints are taken.
   */
  public TrainingCheckpoint checkpoint() {
    if (checkpoints == null) {
      throw new IllegalStateException("this run cannot be checkpointed");
    }
    return checkpoints.get();
  }

  /**
   * Whether {@link #checkpoint()} works: where the training (or, for a replayed run, its workers)
   * can give its state.
   */
  public boolean checkpointable() {
    return checkpoints != null;
  }

  void startEpoch(int newEpoch) {
    epoch = newEpoch;
    step = 0;
  }

  void startStep() {
    step++;
    globalStep++;
  }

  /** The epoch in progress, counted from 1. */
  public int epoch() {
    return epoch;
  }

  /** The step in progress or just finished within the epoch, counted from 1. */
  public int step() {
    return step;
  }

  /** Steps in a whole epoch. */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /** Steps since training started, counted from 1. */
  public long globalStep() {
    return globalStep;
  }

  /** The learning rate the optimizer uses for the next update. */
  public double learningRate() {
    return optimizer.learningRate();
  }

  public Network network() {
    return network;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * Asks training to stop after the current step, with {@code reason} for people ({@code validation
   * loss did not improve for 3 epochs}). The epoch in progress ends there and is reported; the
   * first request wins. Safe to call from any thread (a Ctrl-C handler).
   */
  public void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  /** True once a stop was requested. */
  public boolean stopRequested() {
    return stopReason != null;
  }

  /** Why training was asked to stop, if it was. */
  public Optional<String> stopReason() {
    return Optional.ofNullable(stopReason);
  }
}
