package io.dendrite.runner.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dendrite.core.DendriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a run directory's {@code run.json} says: the run's status and, when it failed, why.
 *
 * <p>A status of {@code running} in a directory whose lock is free means the process died without a
 * word ({@code kill -9}, a power cut): readers treat it as {@link Status#INTERRUPTED}.
 *
 * @param status where the run stands
 * @param experiment the experiment's name
 * @param pid the process that wrote the record last
 * @param version the Dendrite version that wrote it
 * @param started when training started (ISO-8601, local time)
 * @param updated when the record was last written
 * @param error the message of the failure, for {@link Status#FAILED}
 * @param resumedFrom the checkpoint the run continued from, if it was resumed
 */
public record RunRecord(
    Status status,
    String experiment,
    long pid,
    String version,
    String started,
    String updated,
    Optional<String> error,
    Optional<String> resumedFrom) {
  /** The file, in a run directory, holding the record. */
  public static final String FILE = "run.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a run stands. */
  public enum Status {
    RUNNING,
    COMPLETED,
    FAILED,
    INTERRUPTED;

    /** As written in the file: lower case. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** This record with another status, updated at {@code now}. */
  public RunRecord with(Status newStatus, String now, Optional<String> newError) {
    return new RunRecord(newStatus, experiment, pid, version, started, now, newError, resumedFrom);
  }

  /** Writes the record to {@code directory}'s {@link #FILE}, whole or not at all. */
  public void writeTo(Path directory) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status.id());
    m.put("experiment", experiment);
    m.put("pid", pid);
    m.put("dendrite", version);
    m.put("started", started);
    m.put("updated", updated);
    error.ifPresent(e -> m.put("error", e));
    resumedFrom.ifPresent(r -> m.put("resumed_from", r));
    Path file = directory.resolve(FILE);
    try {
      AtomicFileWriter.write(file, JsonWriter.write(m) + "\n");
    } catch (IOException e) {
      throw DendriteException.data("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The record in {@code directory}, if it has one.
   *
   * @throws DendriteException of kind data when the file is there but damaged
   */
  public static Optional<RunRecord> readFrom(Path directory) {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Map<?, ?> m = JSON.readValue(Files.readString(file), Map.class);
      Status status = Status.valueOf(text(m, "status").toUpperCase(Locale.ROOT));
      return Optional.of(
          new RunRecord(
              status,
              text(m, "experiment"),
              m.get("pid") instanceof Number n ? n.longValue() : 0,
              String.valueOf(m.get("dendrite")),
              String.valueOf(m.get("started")),
              String.valueOf(m.get("updated")),
              Optional.ofNullable((String) m.get("error")),
              Optional.ofNullable((String) m.get("resumed_from"))));
    } catch (JsonProcessingException | IllegalArgumentException | ClassCastException e) {
      throw DendriteException.data(
          file
              + ": not a run record Dendrite wrote ("
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
              + "); delete it to reuse the folder",
          e);
    } catch (IOException e) {
      throw DendriteException.data("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("no text '" + key + "'");
    }
    return s;
  }
}
