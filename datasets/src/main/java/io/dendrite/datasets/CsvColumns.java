package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a CSV file, by name and position.
 *
 * <p>References to columns in configuration are checked here against the file's real columns.
 */
final class CsvColumns {
  private static final Pattern POSITION = Pattern.compile("-?[0-9]+");

  private final String file;
  private final List<String> names;
  private final boolean named;

  /**
   * @param names each column's name from the header, or empty when the file has none
   * @param width the number of columns
   */
  CsvColumns(String file, List<String> names, int width) {
    this.file = file;
    this.named = !names.isEmpty();
    List<String> all = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      all.add(named ? names.get(i) : "");
    }
    this.names = all;
  }

  int width() {
    return names.size();
  }

  /** Column {@code index} (0-based) in words: {@code column 3 "petal_length"}. */
  String describe(int index) {
    String name = names.get(index);
    return "column " + (index + 1) + (name.isEmpty() ? "" : " \"" + name + "\"");
  }

  /** The name of column {@code index}, or its position when it has none. */
  String name(int index) {
    String name = names.get(index);
    return name.isEmpty() ? Integer.toString(index + 1) : name;
  }

  /**
   * The index (0-based) of the column {@code reference} names: a header name, or a position counted
   * from 1 ({@code -1} the last).
   *
   * @param key the parameter that holds the reference, for messages
   */
  int resolve(String reference, String key) {
    String ref = reference.trim();
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(ref)) {
        if (found >= 0) {
          throw DendriteException.config(
              file
                  + ": "
                  + key
                  + " \""
                  + ref
                  + "\" names both column "
                  + (found + 1)
                  + " and column "
                  + (i + 1)
                  + "; refer to the one you mean by its position (\""
                  + (found + 1)
                  + "\")");
        }
        found = i;
      }
    }
    if (found >= 0) {
      return found;
    }
    if (POSITION.matcher(ref).matches()) {
      long position = Long.parseLong(ref);
      long index = position < 0 ? names.size() + position : position - 1;
      if (position == 0 || index < 0 || index >= names.size()) {
        throw DendriteException.config(
            file
                + ": "
                + key
                + " \""
                + ref
                + "\" is no column: the file has "
                + names.size()
                + " columns, positions 1 to "
                + names.size()
                + " (or -1 for the last)");
      }
      return (int) index;
    }
    throw DendriteException.config(
        file
            + ": "
            + key
            + " \""
            + ref
            + "\" is not a column of the file"
            + suggestion(ref)
            + "; "
            + (named
                ? "its columns are " + String.join(", ", names)
                : "it has no header (header: false), so name columns by position, 1 to "
                    + names.size()));
  }

  /** Each reference resolved, in order, refusing repeats. */
  List<Integer> resolveAll(List<String> references, String key) {
    Set<Integer> out = new LinkedHashSet<>();
    for (String r : references) {
      int index = resolve(r, key);
      if (!out.add(index)) {
        throw DendriteException.config(
            file + ": " + key + " lists " + describe(index) + " twice; list each column once");
      }
    }
    return List.copyOf(out);
  }

  private String suggestion(String ref) {
    for (String name : names) {
      if (name.equalsIgnoreCase(ref)
          || name.replace('_', ' ').equalsIgnoreCase(ref.replace('_', ' '))) {
        return " (did you mean \"" + name + "\"?)";
      }
    }
    String lower = ref.toLowerCase(Locale.ROOT);
    for (String name : names) {
      if (!name.isEmpty() && editDistance(name.toLowerCase(Locale.ROOT), lower) <= 2) {
        return " (did you mean \"" + name + "\"?)";
      }
    }
    return "";
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
