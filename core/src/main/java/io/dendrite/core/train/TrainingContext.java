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

  TrainingContext(Network network, Optimizer optimizer, int stepsPerEpoch) {
    this.network = network;
    this.optimizer = optimizer;
    this.stepsPerEpoch = stepsPerEpoch;
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
