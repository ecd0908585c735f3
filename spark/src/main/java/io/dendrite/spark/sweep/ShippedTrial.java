package io.dendrite.spark.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A trial as Spark ships it to an executor: the validated experiment as plain data, and where it
 * came from.
 *
 * @param overrides the overrides that made the trial, recorded in its resolved experiment
 */
record ShippedTrial(
    int index,
    Map<String, Object> experiment,
    String file,
    String displayName,
    List<String> overrides,
    String folderName,
    String cacheFolder,
    String version)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
