package io.dendrite.runner.sweep;

/** What to tell someone who asks for Spark without the {@code dendrite-spark} module. */
public final class SparkModule {
  /** How to get the Spark engine, for messages. */
  public static final String HOW_TO_INSTALL =
      "it is the dendrite-spark module, kept out of the default distribution (Spark is about 290"
          + " MB): run spark/dendrite-spark instead of ./dendrite (it builds the module on first"
          + " use), or submit it to a cluster with spark-submit (see spark/README.md)";

  private SparkModule() {}
}
