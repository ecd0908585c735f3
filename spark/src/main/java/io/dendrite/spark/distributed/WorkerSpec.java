package io.dendrite.spark.distributed;

import java.io.Serializable;
import java.util.Map;

/**
 * What every worker of a data-parallel run is given: the experiment as plain data (maps, lists,
 * text and numbers), and how to train it. Shipped to the workers by Spark.
 *
 * @param experiment {@link io.dendrite.core.experiment.Experiment#toMap()}, paths as text
 * @param source the experiment's file, for messages
 * @param folder the experiment file's folder, for datasets given by relative paths
 * @param threads kernel threads per worker; 0: the task's CPUs
 * @param failRank with {@code failAtStep}: a test's way to make a worker fail; -1 for none
 * @param driverHost where worker 0 reports to
 * @param resumeFrom the file of the run's checkpoint to continue from ({@link CheckpointBytes}), or
 *     null to start afresh
 */
public record WorkerSpec(
    Map<String, Object> experiment,
    String source,
    String folder,
    String cacheFolder,
    int workers,
    int syncEvery,
    double timeoutSeconds,
    int threads,
    int failRank,
    long failAtStep,
    String driverHost,
    int driverPort,
    byte[] resumeFrom)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
