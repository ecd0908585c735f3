package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read into float features and text targets, every cell checked.
 *
 * <p>The line of each row is kept for later messages.
 */
final class CsvTable {
  /** What to do with a missing or non-numeric feature cell. */
  enum Missing {
    ERROR,
    DROP_ROW,
    MEAN
  }

  /** Cells that mean "no value" in the exports people meet most. */
  static final Set<String> MISSING_MARKERS =
      Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?");

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  final String file;
  final CsvColumns columns;
  final int[] featureColumns;
  final int targetColumn;
  final int rows;
  final float[] features;
  final String[] targets;
  final long[] lines;
  final int droppedRows;
  final int imputedCells;

  private CsvTable(
      String file,
      CsvColumns columns,
      int[] featureColumns,
      int targetColumn,
      int rows,
      float[] features,
      String[] targets,
      long[] lines,
      int droppedRows,
      int imputedCells) {
    this.file = file;
    this.columns = columns;
    this.featureColumns = featureColumns;
    this.targetColumn = targetColumn;
    this.rows = rows;
    this.features = features;
    this.targets = targets;
    this.lines = lines;
    this.droppedRows = droppedRows;
    this.imputedCells = imputedCells;
  }

  /** Whether {@code cell} is a plain decimal number, as CSV exports write them. */
  static boolean isNumber(String cell) {
    return NUMBER.matcher(cell).matches();
  }

  /** Where data row {@code row} (0-based, after dropping) is, in words. */
  String at(int row) {
    return "line " + lines[row];
  }

  /**
   * Reads {@code path}.
   *
   * @param selectColumns which columns are features and which is the target, once the width is
   *     known: {@code [target, feature...]}
   */
  static CsvTable read(
      Path path,
      boolean header,
      char delimiter,
      Missing missing,
      Function<CsvColumns, int[]> selectColumns) {
    String file = path.toString();
    if (Files.isDirectory(path)) {
      throw DendriteException.data(file + ": is a folder; expected a CSV file");
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();
    try (Reader reader =
            withoutByteOrderMark(Files.newBufferedReader(path, StandardCharsets.UTF_8));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      return new Builder(file, header, missing, selectColumns, parser).read();
    } catch (NoSuchFileException e) {
      throw DendriteException.data(file + ": no such file; expected a CSV file", e);
    } catch (CharacterCodingException e) {
      throw DendriteException.data(
          file + ": not UTF-8 text, near line 1 (" + e + "); save the file as UTF-8", e);
    } catch (IOException e) {
      throw DendriteException.data(file + ": cannot read it (" + e + ")", e);
    }
  }

  /** {@code reader} past a leading byte-order mark, which spreadsheets write and CSV ignores. */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first;
    try {
      first = in.read();
    } catch (CharacterCodingException e) {
      in.close();
      throw e;
    }
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  /** The state of one read. */
  private static final class Builder {
    private final String file;
    private final boolean header;
    private final Missing missing;
    private final Function<CsvColumns, int[]> selectColumns;
    private final CSVParser parser;
    private CsvColumns columns;
    private int[] featureColumns;
    private int targetColumn;
    private long headerLine;
    private float[] values = new float[1024];
    private String[] targets = new String[64];
    private long[] lines = new long[64];
    private int rows;
    private int dropped;
    private int imputed;

    Builder(
        String file,
        boolean header,
        Missing missing,
        Function<CsvColumns, int[]> selectColumns,
        CSVParser parser) {
      this.file = file;
      this.header = header;
      this.missing = missing;
      this.selectColumns = selectColumns;
      this.parser = parser;
    }

    CsvTable read() {
      Iterator<CSVRecord> records = parser.iterator();
      long linesBefore = 0;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw unreadable(e, linesBefore + 1);
        }
        long line = linesBefore + 1;
        linesBefore = parser.getCurrentLineNumber();
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
          continue; // A blank line: spreadsheets end files with them.
        }
        if (columns == null) {
          start(cells, line);
          if (header) {
            continue;
          }
        }
        row(cells, line);
      }
      if (columns == null) {
        throw DendriteException.data(
            file + ": the file is empty; expected a CSV table" + (header ? " with a header" : ""));
      }
      if (rows == 0) {
        throw DendriteException.data(
            file
                + (dropped > 0
                    ? ": every one of its "
                        + dropped
                        + " data rows has a missing or non-numeric cell, and missing: drop_row"
                        + " dropped them all; the data set would be empty"
                    : ": the file has no data rows"
                        + (header ? " after the header (line " + headerLine + ")" : "")
                        + "; the data set would be empty"));
      }
      int f = featureColumns.length;
      if (missing == Missing.MEAN) {
        imputeMeans(f);
      }
      return new CsvTable(
          file,
          columns,
          featureColumns,
          targetColumn,
          rows,
          Arrays.copyOf(values, rows * f),
          Arrays.copyOf(targets, rows),
          Arrays.copyOf(lines, rows),
          dropped,
          imputed);
    }

    private void start(List<String> cells, long line) {
      headerLine = line;
      columns = new CsvColumns(file, header ? cells : List.of(), cells.size());
      int[] selected = selectColumns.apply(columns);
      targetColumn = selected[0];
      featureColumns = Arrays.copyOfRange(selected, 1, selected.length);
      if (featureColumns.length == 0) {
        throw DendriteException.config(
            file
                + ": no feature columns are left besides the target "
                + columns.describe(targetColumn)
                + "; keep at least one (features:, drop:)");
      }
    }

    private void row(List<String> cells, long line) {
      if (cells.size() != columns.width()) {
        throw DendriteException.data(
            file
                + ": line "
                + line
                + " (data row "
                + (rows + dropped + 1)
                + ") has "
                + cells.size()
                + (cells.size() == 1 ? " field" : " fields")
                + ", expected "
                + columns.width()
                + (header
                    ? " as in the header (line " + headerLine + ")"
                    : " as in line " + headerLine)
                + "; a value holding the delimiter must be quoted (\"1,5\"), or the delimiter is"
                + " another one (delimiter:)");
      }
      int f = featureColumns.length;
      if ((long) (rows + 1) * f > values.length) {
        long grown = Math.max((long) (rows + 1) * f, 2L * values.length);
        if (grown > IdxInput.MAX_VALUES) {
          throw DendriteException.data(
              file
                  + ": line "
                  + line
                  + ": more than "
                  + IdxInput.MAX_VALUES
                  + " feature values; one data set holds at most that many (use fewer columns or"
                  + " split the file)");
        }
        values = Arrays.copyOf(values, (int) grown);
      }
      if (rows == targets.length) {
        targets = Arrays.copyOf(targets, 2 * rows);
        lines = Arrays.copyOf(lines, 2 * rows);
      }
      int base = rows * f;
      for (int j = 0; j < f; j++) {
        String cell = cells.get(featureColumns[j]);
        float v = isNumber(cell) ? Float.parseFloat(cell) : Float.NaN;
        if (Float.isInfinite(v)) {
          throw DendriteException.data(
              file
                  + ": line "
                  + line
                  + ", "
                  + columns.describe(featureColumns[j])
                  + ": "
                  + cell
                  + " is beyond the range of a float (about 3.4e38); scale the column down");
        }
        if (Float.isNaN(v)) {
          if (missing == Missing.ERROR) {
            throw notANumber(cell, line, featureColumns[j]);
          }
          if (missing == Missing.DROP_ROW) {
            dropped++;
            return;
          }
        }
        values[base + j] = v;
      }
      String target = cells.get(targetColumn);
      if (target.isEmpty() || MISSING_MARKERS.contains(target)) {
        if (missing == Missing.DROP_ROW) {
          dropped++;
          return;
        }
        throw DendriteException.data(
            file
                + ": line "
                + line
                + ", "
                + columns.describe(targetColumn)
                + " (the target): "
                + (target.isEmpty() ? "the cell is empty" : "found \"" + target + "\"")
                + "; expected a value for every example: fix the row, or declare missing: drop_row"
                + " (missing: mean fills features, never targets)");
      }
      targets[rows] = target;
      lines[rows] = line;
      rows++;
    }

    private DendriteException notANumber(String cell, long line, int column) {
      boolean empty = cell.isEmpty() || MISSING_MARKERS.contains(cell);
      return DendriteException.data(
          file
              + ": line "
              + line
              + " (data row "
              + (rows + dropped + 1)
              + "), "
              + columns.describe(column)
              + ": expected a number, found "
              + (cell.isEmpty() ? "an empty cell" : "\"" + cell + "\"")
              + "; "
              + (empty ? "fill it in" : "fix it")
              + ", leave the column out (drop: [\""
              + columns.name(column)
              + "\"]), or declare missing: drop_row (skip such rows) or missing: mean (use the"
              + " column's mean)");
    }

    private void imputeMeans(int f) {
      for (int j = 0; j < f; j++) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < rows; r++) {
          float v = values[r * f + j];
          if (!Float.isNaN(v)) {
            sum += v;
            count++;
          }
        }
        if (count == 0) {
          throw DendriteException.data(
              file
                  + ": "
                  + columns.describe(featureColumns[j])
                  + " holds no number in any of its "
                  + rows
                  + " rows, so missing: mean has no mean to use; it is probably a text column:"
                  + " leave it out (drop: [\""
                  + columns.name(featureColumns[j])
                  + "\"])");
        }
        float mean = (float) (sum / count);
        for (int r = 0; r < rows; r++) {
          if (Float.isNaN(values[r * f + j])) {
            values[r * f + j] = mean;
            imputed++;
          }
        }
      }
    }

    private DendriteException unreadable(RuntimeException e, long line) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof CharacterCodingException) {
        return DendriteException.data(
            file
                + ": not UTF-8 text, near line "
                + line
                + " ("
                + cause
                + "); save the file as UTF-8",
            e);
      }
      return DendriteException.data(
          file
              + ": malformed CSV near line "
              + line
              + " ("
              + cause.getMessage()
              + "); a quoted value must end with a quote before the next delimiter or line end",
          e);
    }
  }
}
