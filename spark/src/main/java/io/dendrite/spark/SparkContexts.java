package io.dendrite.spark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a sweep or a distributed run: on the master asked for, on
 * spark-submit's when there is one, or on {@code local[n]}.
 */
public final class SparkContexts {
  private SparkContexts() {}

  /**
   * A context for {@code app} on {@code master}; {@code localSlots} sizes {@code local[n]} when no
   * master is given anywhere.
   */
  public static JavaSparkContext start(Optional<String> master, String app, int localSlots) {
    quietSpark();
    SparkConf conf = new SparkConf().setAppName(app);
    if (master.isPresent()) {
      conf.setMaster(master.get());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[" + Math.max(1, localSlots) + "]");
    }
    // No web UI unless asked for: it costs a port and start-up time on every run.
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    String m = conf.get("spark.master");
    if (!m.startsWith("local") && !conf.contains("spark.jars")) {
      // Started by ./dendrite, not spark-submit: the executors need Dendrite's jars.
      List<String> jars = shippedJars();
      if (!jars.isEmpty()) {
        conf.set("spark.jars", String.join(",", jars));
      }
    }
    return new JavaSparkContext(conf);
  }

  /**
   * Spark's warnings repeat the workers' errors with their stack traces, which Dendrite reports in
   * a sentence; its errors (a lost executor) still show.
   */
  private static void quietSpark() {
    for (String name : List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject")) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l
          && l.getLevel() == null) {
        l.setLevel(ch.qos.logback.classic.Level.ERROR);
      }
    }
  }

  /**
   * The jars of this JVM's class path that a cluster's executors lack: all but those in {@code
   * $SPARK_HOME/jars}, which the workers have.
   */
  static List<String> shippedJars() {
    Set<String> sparks = new HashSet<>();
    String home = System.getenv("SPARK_HOME");
    if (home != null) {
      try (var files = Files.list(Path.of(home, "jars"))) {
        files.forEach(f -> sparks.add(f.getFileName().toString()));
      } catch (java.io.IOException e) {
        // No jars folder: ship everything.
      }
    }
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar")
          && Files.isRegularFile(p)
          && !sparks.contains(p.getFileName().toString())) {
        out.add(p.toAbsolutePath().toString());
      }
    }
    return out;
  }
}
