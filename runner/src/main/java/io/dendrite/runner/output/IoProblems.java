package io.dendrite.runner.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns a file system exception into words for the user, without the exception's class name. */
public final class IoProblems {
  private IoProblems() {}

  /** Why {@code e} happened, as the end of a sentence: {@code permission denied}. */
  public static String describe(IOException e) {
    String reason = e instanceof FileSystemException f ? f.getReason() : null;
    if (e instanceof NoSuchFileException) {
      // Also what Linux says when a folder cannot be made where it was asked (/proc/foo).
      return "no such folder, and none can be made there";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof NotDirectoryException) {
      return "a file stands where a folder is expected";
    }
    if (reason != null) {
      return reason.toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? "an input/output error" : e.getMessage();
  }
}
