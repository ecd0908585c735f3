package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads a {@link KnownFile} from the first mirror that serves it intact, into a folder.
 *
 * <p>The bytes go to a temporary file beside the target, are checked against the known size and
 * SHA-256, and only then moved into place atomically: an interrupted or damaged download never
 * leaves a file that a later run would take for the real one.
 */
final class VerifiedDownload {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  private static final int BUFFER_BYTES = 1 << 16;

  private final String datasetId;
  private final PrintStream progress;

  /**
   * @param datasetId names the data set in progress lines
   * @param progress where progress lines go (standard error)
   */
  VerifiedDownload(String datasetId, PrintStream progress) {
    this.datasetId = datasetId;
    this.progress = progress;
  }

  /** What went wrong with one mirror. */
  record Failure(String url, String problem) {
    @Override
    public String toString() {
      return url + ": " + problem;
    }
  }

  /** Thrown when no mirror gave the file; the caller turns it into advice. */
  static final class NoMirrorWorked extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Failure> failures;

    NoMirrorWorked(List<Failure> failures) {
      super(failures.toString());
      this.failures = List.copyOf(failures);
    }

    List<Failure> failures() {
      return failures;
    }
  }

  /**
   * Downloads {@code file} into {@code folder} from the first mirror that serves it intact.
   *
   * @param mirrors base URLs, tried in order
   * @return {@code folder/file.name()}
   */
  Path fetch(KnownFile file, List<String> mirrors, Path folder) throws NoMirrorWorked {
    boolean created = !Files.isDirectory(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw DendriteException.data(
          folder
              + ": cannot create the download folder ("
              + e
              + "); give path: a folder that holds "
              + file.name()
              + ", or make the cache writable",
          e);
    }
    Path target = folder.resolve(file.name());
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .proxy(ProxySelector.getDefault())
            .build();
    List<Failure> failures = new ArrayList<>();
    for (String mirror : mirrors) {
      String url = mirror.endsWith("/") ? mirror + file.name() : mirror + "/" + file.name();
      try {
        download(client, URI.create(url), file, target);
        return target;
      } catch (IllegalArgumentException e) {
        failures.add(new Failure(url, "not a valid URL (" + e.getMessage() + ")"));
      } catch (Problem e) {
        failures.add(new Failure(url, e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DendriteException.data(
            datasetId + ": the download of " + url + " was interrupted", e);
      }
    }
    if (created) {
      try {
        Files.deleteIfExists(folder);
      } catch (IOException ignored) {
        // Not empty after all, or not ours to remove: an empty cache folder does no harm.
      }
    }
    throw new NoMirrorWorked(failures);
  }

  /** A mirror that did not give the file, in words. */
  private static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  private void download(HttpClient client, URI uri, KnownFile file, Path target)
      throws Problem, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new Problem("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw new Problem("no answer within " + RESPONSE_TIMEOUT.toSeconds() + " s");
    } catch (ConnectException e) {
      throw new Problem("cannot connect (" + describe(e) + ")");
    } catch (IOException e) {
      throw new Problem("cannot download (" + describe(e) + ")");
    }
    Path partial = null;
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new Problem(
            "HTTP status "
                + response.statusCode()
                + (response.statusCode() == 404 ? " (not found)" : "")
                + "; expected 200");
      }
      progress.printf(
          Locale.ROOT,
          "%s: downloading %s (%s) from %s%n",
          datasetId,
          file.name(),
          IdxReader.size(file.size()),
          uri);
      long start = System.nanoTime();
      partial = Files.createTempFile(target.getParent(), "." + file.name() + ".", ".part");
      MessageDigest sha256 = sha256();
      long received = copy(body, partial, sha256, file);
      Optional<KnownFile.Variant> variant = file.variantOfSize(received);
      if (variant.isEmpty()) {
        throw new Problem(
            "the download ended after "
                + received
                + " of "
                + file.size()
                + " bytes; the connection was probably cut");
      }
      String found = HexFormat.of().formatHex(sha256.digest());
      if (!found.equals(variant.get().sha256())) {
        throw new Problem(
            "the file's SHA-256 is "
                + found
                + ", expected "
                + variant.get().sha256()
                + ": the mirror serves a damaged or different file");
      }
      moveIntoPlace(partial, target);
      partial = null;
      progress.printf(
          Locale.ROOT,
          "%s: %s downloaded and verified in %.1f s%n",
          datasetId,
          file.name(),
          (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      throw new Problem("the download broke off (" + describe(e) + ")");
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // A leftover .part file is never taken for the real one; the problem to tell is above.
        }
      }
    }
  }

  /** Copies {@code body} into {@code into}, refusing more bytes than the file has. */
  private static long copy(InputStream body, Path into, MessageDigest digest, KnownFile file)
      throws IOException, Problem {
    byte[] buffer = new byte[BUFFER_BYTES];
    long received = 0;
    try (OutputStream out = Files.newOutputStream(into)) {
      for (int n; (n = body.read(buffer)) > 0; ) {
        received += n;
        if (received > file.maxSize()) {
          throw new Problem(
              "the mirror sends more than the " + file.maxSize() + " bytes the file has");
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    return received;
  }

  private static void moveIntoPlace(Path partial, Path target) throws IOException {
    try {
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
