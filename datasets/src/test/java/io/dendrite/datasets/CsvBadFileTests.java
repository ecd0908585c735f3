package io.dendrite.datasets;

import static io.dendrite.datasets.CsvFiles.load;
import static io.dendrite.datasets.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dendrite.core.DendriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken CSV file gives an error naming the file, the line and the column. */
class CsvBadFileTests {
  @TempDir Path dir;

  @Test
  void raggedRowNamesItsLineAndBothCounts() {
    Path file = write(dir, "ragged.csv", "a,b,y\n1,2,x\n3,4,5,x\n");
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(
            file
                + ": line 3 (data row 2) has 4 fields, expected 3 as in the header (line 1); a"
                + " value holding the delimiter must be quoted (\"1,5\"), or the delimiter is"
                + " another one (delimiter:)");
  }

  @Test
  void nonNumericCellNamesLineRowAndColumn() {
    Path file = write(dir, "text.csv", "a,petal_length,y\n1,2,x\n3,abc,x\n");
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(
            file
                + ": line 3 (data row 2), column 2 \"petal_length\": expected a number, found"
                + " \"abc\"; fix it, leave the column out (drop: [\"petal_length\"]), or declare"
                + " missing: drop_row (skip such rows) or missing: mean (use the column's mean)");
  }

  @Test
  void emptyCellIsAnErrorUnlessMissingIsDeclared() {
    Path file = write(dir, "empty-cell.csv", "a,b,y\n1,,x\n");
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .startsWith(file + ": line 2 (data row 1), column 2 \"b\": expected a number, found an")
        .contains("empty cell; fill it in");
  }

  @Test
  void textColumnCannotBeFilledWithAMean() {
    Path file = write(dir, "colour.csv", "a,colour,y\n1,red,x\n2,blue,y\n");
    assertThat(failure(file, Map.of("missing", "mean"), DendriteException.Kind.DATA))
        .isEqualTo(
            file
                + ": column 2 \"colour\" holds no number in any of its 2 rows, so missing: mean has"
                + " no mean to use; it is probably a text column: leave it out (drop:"
                + " [\"colour\"])");
  }

  @Test
  void missingTarget() {
    Path file = write(dir, "no-target.csv", "a,y\n1,x\n2,\n");
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .startsWith(file + ": line 3, column 2 \"y\" (the target): the cell is empty");
    assertThat(load(file, Map.of("missing", "drop_row")).size()).isEqualTo(1);
  }

  @Test
  void nonNumericRegressionTarget() {
    Path file = write(dir, "reg.csv", "a,y\n1,2.5\n2,high\n");
    assertThat(failure(file, Map.of("task", "regression"), DendriteException.Kind.DATA))
        .isEqualTo(
            file
                + ": line 3, column 2 \"y\" (the target): expected a number for regression, found"
                + " \"high\"; fix the cell, or use task: classification if the targets are"
                + " classes");
  }

  @Test
  void emptyFileHeaderOnlyAndAllRowsDropped() {
    Path empty = write(dir, "empty.csv", "");
    assertThat(failure(empty, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(empty + ": the file is empty; expected a CSV table with a header");
    Path headerOnly = write(dir, "header.csv", "a,b,y\r\n\r\n");
    assertThat(failure(headerOnly, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(
            headerOnly
                + ": the file has no data rows after the header (line 1); the data set would be"
                + " empty");
    Path gaps = write(dir, "gaps.csv", "a,y\n,x\nNA,y\n");
    assertThat(failure(gaps, Map.of("missing", "drop_row"), DendriteException.Kind.DATA))
        .contains("every one of its 2 data rows has a missing or non-numeric cell");
  }

  @Test
  void unterminatedQuoteNamesTheLine() {
    Path file = write(dir, "quote.csv", "a,y\n1,x\n\"2,y\n3,z\n");
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .startsWith(file + ": malformed CSV near line 3 (")
        .contains("a quoted value must end with a quote");
  }

  @Test
  void notUtf8() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, new byte[] {'a', ',', 'y', '\n', '1', ',', (byte) 0xE9, '\n'});
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .startsWith(file + ": not UTF-8 text, near line ")
        .endsWith("save the file as UTF-8");
  }

  @Test
  void valueBeyondFloatRange() {
    Path file = write(dir, "huge.csv", "a,y\n1e39,x\n");
    assertThat(failure(file, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(
            file
                + ": line 2, column 1 \"a\": 1e39 is beyond the range of a float (about 3.4e38);"
                + " scale the column down");
  }

  @Test
  void unknownColumnsAreConfigurationErrorsWithASuggestion() {
    Path file = write(dir, "iris.csv", "petal_length,species\n1,a\n");
    assertThat(failure(file, Map.of("target", "Species"), DendriteException.Kind.CONFIG))
        .isEqualTo(
            file
                + ": target \"Species\" is not a column of the file (did you mean \"species\"?);"
                + " its columns are petal_length, species");
    assertThat(failure(file, Map.of("target", "3"), DendriteException.Kind.CONFIG))
        .contains("target \"3\" is no column: the file has 2 columns, positions 1 to 2");
    assertThat(
            failure(
                file,
                Map.of("features", List.of("a"), "drop", List.of("b")),
                DendriteException.Kind.CONFIG))
        .contains(
            "csv takes features (the columns to keep) or drop (those to leave out), not both");
    assertThat(failure(file, Map.of("features", List.of("species")), DendriteException.Kind.CONFIG))
        .contains("features lists column 2 \"species\", which is the target");
  }

  @Test
  void missingFileAndFolder() {
    Path missing = dir.resolve("nowhere.csv");
    assertThat(failure(missing, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(missing + ": no such file; expected a CSV file");
    assertThat(failure(dir, Map.of(), DendriteException.Kind.DATA))
        .isEqualTo(dir + ": is a folder; expected a CSV file");
  }

  private static String failure(Path file, Map<String, Object> extra, DendriteException.Kind kind) {
    try {
      load(file, extra);
    } catch (DendriteException e) {
      assertThat(e.kind()).as("kind of: %s", e.getMessage()).isEqualTo(kind);
      return e.getMessage();
    }
    return fail("expected a DendriteException loading %s", file);
  }
}
