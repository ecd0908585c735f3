package io.dendrite.core.train;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Holds out a fraction of examples, in a seeded random order: for validation, or as the test set.
 * Stratified, it holds out that fraction of each class, so both parts keep the classes'
 * proportions.
 */
final class DataSplit {
  private DataSplit() {}

  /**
   * {@code [kept, held out]}; the second is null when {@code fraction} is 0. Rows keep their file
   * order within each part, so that an unshuffled run visits them in order.
   *
   * @param key the configuration key of the fraction, for messages ({@code data.validation_split})
   */
  static Examples[] split(Examples all, double fraction, boolean stratified, Rng rng, String key) {
    if (fraction <= 0) {
      return new Examples[] {all, null};
    }
    int n = all.size();
    String name = key.substring(key.lastIndexOf('.') + 1);
    if (n < 2) {
      throw DendriteException.configAt(
          key,
          name
              + " "
              + fraction
              + ": the data has "
              + n
              + (n == 1 ? " example" : " examples")
              + ", too few to hold any out; set "
              + name
              + ": 0 or use more data");
    }
    if (stratified && !all.isClassification()) {
      throw DendriteException.configAt(
          "data.stratified", "stratified splits need classes, and these examples are regression");
    }
    List<int[]> groups = new ArrayList<>();
    if (stratified) {
      int[] counts = new int[all.targetCount()];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = all.label(i);
        counts[labels[i]]++;
      }
      int[][] byClass = new int[counts.length][];
      int[] filled = new int[counts.length];
      for (int c = 0; c < counts.length; c++) {
        byClass[c] = new int[counts[c]];
      }
      for (int i = 0; i < n; i++) {
        byClass[labels[i]][filled[labels[i]]++] = i;
      }
      groups.addAll(Arrays.asList(byClass));
    } else {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      groups.add(order);
    }
    int[] kept = new int[n];
    int[] held = new int[n];
    int keptCount = 0;
    int heldCount = 0;
    for (int[] group : groups) {
      rng.shuffle(group);
      int out = (int) Math.round(group.length * fraction);
      System.arraycopy(group, 0, kept, keptCount, group.length - out);
      keptCount += group.length - out;
      System.arraycopy(group, group.length - out, held, heldCount, out);
      heldCount += out;
    }
    if (heldCount == 0 || keptCount == 0) {
      throw DendriteException.configAt(
          key,
          String.format(
              Locale.ROOT,
              "%s %s of %d examples leaves %s; choose a fraction between %.4g and %.4g",
              name,
              fraction,
              n,
              heldCount == 0 ? "nothing held out" : "nothing to train on",
              1.0 / n,
              (n - 1.0) / n));
    }
    int[] keptRows = Arrays.copyOf(kept, keptCount);
    int[] heldRows = Arrays.copyOf(held, heldCount);
    Arrays.sort(keptRows);
    Arrays.sort(heldRows);
    return new Examples[] {all.select(keptRows), all.select(heldRows)};
  }
}
