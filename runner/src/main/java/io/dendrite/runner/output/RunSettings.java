package io.dendrite.runner.output;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a run reports: where its files go and what it prints.
 *
 * @param directory the run directory, already created and locked
 * @param shownAs the run directory as printed: relative to the working directory when inside it
 * @param out standard output
 * @param quiet print only the test metrics and where the results are
 * @param progressBar redraw a progress line during each epoch (only on a terminal)
 * @param version the Dendrite version, recorded in the files the run writes
 * @param cacheFolder where downloaded data sets are kept ({@code ~/.dendrite/datasets})
 */
public record RunSettings(
    Path directory,
    String shownAs,
    PrintWriter out,
    boolean quiet,
    boolean progressBar,
    String version,
    Path cacheFolder) {
  public RunSettings {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(shownAs, "shownAs");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(cacheFolder, "cacheFolder");
  }
}
