package io.dendrite.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Params;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mnist} download, against a small HTTP server on 127.0.0.1.
 *
 * <p>It serves the real MNIST test files (the bundled ones), a damaged copy, a cut-off copy and
 * nothing at all.
 */
class MnistDownloadTests {
  @TempDir Path cache;
  @TempDir Path elsewhere;

  private HttpServer server;
  private String base;
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, byte[]> files = new HashMap<>();

  @BeforeEach
  void startServer() throws IOException {
    for (String name : new String[] {MnistSample.IMAGES, MnistSample.LABELS}) {
      try (InputStream in = MnistSample.class.getResourceAsStream(name)) {
        files.put(Path.of(name).getFileName().toString(), in.readAllBytes());
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/good/", exchange -> serve(exchange, "/good/", Serve.INTACT));
    server.createContext("/damaged/", exchange -> serve(exchange, "/damaged/", Serve.DAMAGED));
    server.createContext("/cut/", exchange -> serve(exchange, "/cut/", Serve.CUT));
    server.createContext("/missing/", exchange -> serve(exchange, "/missing/", Serve.NOT_FOUND));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private enum Serve {
    INTACT,
    DAMAGED,
    CUT,
    NOT_FOUND
  }

  private void serve(HttpExchange exchange, String prefix, Serve how) throws IOException {
    requests.incrementAndGet();
    byte[] body = files.get(exchange.getRequestURI().getPath().substring(prefix.length()));
    try (exchange) {
      if (body == null || how == Serve.NOT_FOUND) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] sent = body.clone();
      if (how == Serve.DAMAGED) {
        sent[sent.length / 2] ^= 1;
      }
      exchange.sendResponseHeaders(200, sent.length);
      OutputStream out = exchange.getResponseBody();
      out.write(sent, 0, how == Serve.CUT ? sent.length / 2 : sent.length);
      out.flush();
    } catch (IOException e) {
      // The cut-off response ends short of its length on purpose; the server says so here.
    }
  }

  @Test
  void downloadsFromTheFirstMirrorThatServesTheRealFilesAndLeavesNoPartialFile()
      throws IOException {
    Examples test =
        load(
            List.of(base + "/missing/", base + "/damaged/", base + "/cut/", base + "/good/"),
            Map.of());
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(test.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(test.label(0)).isEqualTo(7);
    assertThat(cacheFiles())
        .containsExactlyInAnyOrder("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    assertThat(Files.readAllBytes(cache.resolve("mnist/t10k-images-idx3-ubyte.gz")))
        .isEqualTo(files.get("t10k-images-idx3-ubyte.gz"));
  }

  @Test
  void theCachedFilesAreUsedWithoutAnotherRequest() {
    load(List.of(base + "/good/"), Map.of());
    int afterFirst = requests.get();
    assertThat(load(List.of(base + "/good/"), Map.of()).size()).isEqualTo(10_000);
    assertThat(requests.get()).isEqualTo(afterFirst);
  }

  @Test
  void whenNoMirrorWorksTheErrorNamesEachProblemAndWhereToPutTheFiles() throws IOException {
    List<String> mirrors =
        List.of(base + "/missing/", base + "/damaged/", base + "/cut/", "http://127.0.0.1:1/");
    assertThatThrownBy(() -> load(mirrors, Map.of()))
        .isInstanceOf(DendriteException.class)
        .satisfies(
            e -> assertThat(((DendriteException) e).kind()).isEqualTo(DendriteException.Kind.DATA))
        .hasMessageStartingWith(
            "mnist split test: t10k-images-idx3-ubyte.gz is in none of "
                + cache.resolve("mnist")
                + ", and no mirror gave it:")
        .hasMessageContaining(
            base + "/missing/t10k-images-idx3-ubyte.gz: HTTP status 404 (not found); expected 200")
        .hasMessageContaining(base + "/damaged/t10k-images-idx3-ubyte.gz: the file's SHA-256 is ")
        .hasMessageContaining(
            ", expected 8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6: the"
                + " mirror serves a damaged or different file")
        .hasMessageContaining(base + "/cut/t10k-images-idx3-ubyte.gz: the download ")
        .hasMessageContaining("http://127.0.0.1:1/t10k-images-idx3-ubyte.gz: cannot connect")
        .hasMessageEndingWith(
            "With no network, put t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz"
                + " (gzipped or not) into "
                + cache.resolve("mnist")
                + " or into a folder given as path:, or use mnist_sample (10,000 digits bundled"
                + " with Dendrite).");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aCutOffDownloadIsRefusedAndRemoved() throws IOException {
    assertThatThrownBy(() -> load(List.of(base + "/cut/"), Map.of()))
        .hasMessageContaining(base + "/cut/t10k-images-idx3-ubyte.gz: the download");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void withDownloadFalseNothingIsRequested() {
    assertThatThrownBy(() -> load(List.of(base + "/good/"), Map.of("download", false)))
        .isInstanceOf(DendriteException.class)
        .hasMessageContaining("and download is false; put t10k-images-idx3-ubyte.gz and");
    assertThat(requests.get()).isZero();
  }

  @Test
  void filesInTheGivenPathComeFirstGzippedOrNot() throws IOException {
    Files.write(
        elsewhere.resolve("t10k-images-idx3-ubyte.gz"), files.get("t10k-images-idx3-ubyte.gz"));
    try (InputStream in =
        new java.util.zip.GZIPInputStream(
            new java.io.ByteArrayInputStream(files.get("t10k-labels-idx1-ubyte.gz")))) {
      Files.write(elsewhere.resolve("t10k-labels-idx1-ubyte"), in.readAllBytes());
    }
    Examples test = load(List.of(base + "/good/"), Map.of("path", elsewhere, "limit", 100));
    assertThat(test.size()).isEqualTo(100);
    assertThat(test.source()).contains(elsewhere.resolve("t10k-labels-idx1-ubyte").toString());
    assertThat(requests.get()).isZero();
  }

  private Examples load(List<String> mirrors, Map<String, Object> extra) {
    MnistDataset.Plugin plugin = new MnistDataset.Plugin();
    Map<String, Object> given = new HashMap<>(extra);
    given.put("split", "test");
    given.put("mirrors", mirrors);
    return plugin.create(Params.resolve(plugin.params(), given)).load(Contexts.withCache(cache));
  }

  private List<String> cacheFiles() throws IOException {
    Path folder = cache.resolve("mnist");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
