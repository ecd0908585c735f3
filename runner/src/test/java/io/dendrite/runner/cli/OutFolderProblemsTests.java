package io.dendrite.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.runner.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code --out} folder that cannot be made is refused in a sentence, before training, without an
 * exception's class name.
 */
class OutFolderProblemsTests {
  @TempDir Path dir;

  private CliHarness.Result run(String out) throws Exception {
    TestFiles.write(
        dir,
        "exp.yaml",
        """
        name: exp
        data:
          train: {type: mnist_sample, split: test}
        model:
          layers: [{type: dense, units: 10, activation: softmax}]
        loss: cross_entropy
        training: {epochs: 1, batch_size: 256}
        """);
    return CliHarness.withFolders(dir, List.of()).run("run", "exp.yaml", "--out", out);
  }

  @Test
  void aFolderUnderProcIsRefusedInASentence() throws Exception {
    CliHarness.Result r = run("/proc/foo");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("cannot create --out /proc/foo: ")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("epoch 1");
  }

  @Test
  void aFolderUnderAFileIsRefusedInASentence() throws Exception {
    Files.writeString(dir.resolve("file"), "x");
    CliHarness.Result r = run("file/out");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("cannot create --out ")
        .contains("file/out: not a directory")
        .doesNotContain("Exception");
    assertThat(dir.resolve("file")).hasContent("x");
  }
}
