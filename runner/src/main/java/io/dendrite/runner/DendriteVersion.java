package io.dendrite.runner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, written into the jar by Maven's resource filtering. */
public final class DendriteVersion {
  private static final String VERSION = read();

  private DendriteVersion() {}

  /** The version, e.g. {@code 0.1.0}, or {@code dev} when run from unfiltered sources. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = DendriteVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
