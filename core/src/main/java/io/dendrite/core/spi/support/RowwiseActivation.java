package io.dendrite.core.spi.support;

import io.dendrite.core.spi.Activation;
import io.dendrite.core.tensor.Matrix;

/**
 * Base for activations that act on each row as a whole, such as softmax: define one row's forward
 * and backward in doubles, and both precisions follow.
 *
 * <p>Rows are copied into double scratch arrays that are kept between calls, so a training step
 * allocates nothing once the widest row has been seen. An instance is therefore not thread-safe,
 * like every plugin instance.
 */
public abstract class RowwiseActivation implements Activation {
  private double[] z = new double[0];
  private double[] a = new double[0];
  private double[] g = new double[0];
  private double[] out = new double[0];

  /** Writes {@code a[0..n) = f(z[0..n))}. */
  protected abstract void forwardRow(double[] z, double[] a, int n);

  /** Writes {@code gradZ[0..n)} from {@code gradA[0..n)}, given {@code z} and {@code a = f(z)}. */
  protected abstract void backwardRow(
      double[] z, double[] a, double[] gradA, double[] gradZ, int n);

  @Override
  public void forward(Matrix zs, Matrix as) {
    zs.requireSameShape(as);
    int n = zs.cols();
    ensure(n);
    for (int r = 0; r < zs.rows(); r++) {
      read(zs, r, z);
      forwardRow(z, a, n);
      write(a, as, r);
    }
  }

  @Override
  public void backward(Matrix zs, Matrix as, Matrix gradA, Matrix gradZ) {
    zs.requireSameShape(gradZ);
    int n = zs.cols();
    ensure(n);
    for (int r = 0; r < zs.rows(); r++) {
      read(zs, r, z);
      read(as, r, a);
      read(gradA, r, g);
      backwardRow(z, a, g, out, n);
      write(out, gradZ, r);
    }
  }

  private void ensure(int n) {
    if (z.length < n) {
      z = new double[n];
      a = new double[n];
      g = new double[n];
      out = new double[n];
    }
  }

  static void read(Matrix m, int row, double[] into) {
    int n = m.cols();
    int base = row * n;
    if (m.isDouble()) {
      System.arraycopy(m.doubles(), base, into, 0, n);
    } else {
      float[] f = m.floats();
      for (int i = 0; i < n; i++) {
        into[i] = f[base + i];
      }
    }
  }

  static void write(double[] from, Matrix m, int row) {
    int n = m.cols();
    int base = row * n;
    if (m.isDouble()) {
      System.arraycopy(from, 0, m.doubles(), base, n);
    } else {
      float[] f = m.floats();
      for (int i = 0; i < n; i++) {
        f[base + i] = (float) from[i];
      }
    }
  }
}
