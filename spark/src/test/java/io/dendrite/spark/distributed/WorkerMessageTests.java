package io.dendrite.spark.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.DendriteException;
import org.junit.jupiter.api.Test;

/** What a user reads when the workers' Spark job fails. */
class WorkerMessageTests {
  @Test
  void aWorkersOwnWordsComeFirst() {
    var e =
        new RuntimeException(
            "Job aborted",
            DendriteException.data("worker 1 (127.0.0.1:4000) closed the connection at step 9"));
    assertThat(SparkDistributedTraining.workerMessage(e))
        .isEqualTo("worker 1 (127.0.0.1:4000) closed the connection at step 9");
  }

  @Test
  void anExecutorThatDiedIsNamed() {
    // Spark's words when a worker's executor is killed (kill -9 on a standalone cluster).
    var e =
        new RuntimeException(
            "Job aborted due to stage failure: Could not recover from a failed barrier"
                + " ResultStage.\n"
                + "ExecutorLostFailure (executor 1 exited caused by one of the running tasks)"
                + " Reason: Command exited with code 137\n"
                + "Driver stacktrace:\n\tat org.apache.spark...");
    String spark = SparkDistributedTraining.workerMessage(e);
    assertThat(spark).isEqualTo("a worker's executor 1 died: Command exited with code 137");
    assertThat(
            SparkDistributedTraining.reason(
                java.util.Optional.of("worker 0 closed its connection to the driver"), spark))
        .isEqualTo(
            "a worker's executor 1 died: Command exited with code 137; then worker 0 closed its"
                + " connection to the driver");
  }

  @Test
  void otherwiseTheFirstLineOfSparksReason() {
    var e = new RuntimeException("Job aborted: something\nDriver stacktrace:\n\tat x");
    assertThat(SparkDistributedTraining.workerMessage(e)).isEqualTo("Job aborted: something");
  }
}
