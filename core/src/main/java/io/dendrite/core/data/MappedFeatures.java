package io.dendrite.core.data;

/** Features whose every column is mapped by {@code x * scale + shift} as rows are read. */
final class MappedFeatures implements Features {
  private final Features source;
  private final float[] scale;
  private final float[] shift;

  MappedFeatures(Features source, float[] scale, float[] shift) {
    if (scale.length != source.cols() || shift.length != source.cols()) {
      throw new IllegalArgumentException(
          "a mapping of "
              + source.cols()
              + " columns needs as many scales and shifts, not "
              + scale.length
              + " and "
              + shift.length);
    }
    this.source = source;
    this.scale = scale.clone();
    this.shift = shift.clone();
  }

  @Override
  public int rows() {
    return source.rows();
  }

  @Override
  public int cols() {
    return source.cols();
  }

  @Override
  public void copyRow(int row, float[] into, int offset) {
    source.copyRow(row, into, offset);
    for (int j = 0; j < scale.length; j++) {
      into[offset + j] = into[offset + j] * scale[j] + shift[j];
    }
  }

  @Override
  public Features select(int[] rows) {
    return new MappedFeatures(source.select(rows), scale, shift);
  }

  @Override
  public long bytes() {
    return source.bytes() + 8L * scale.length;
  }
}
