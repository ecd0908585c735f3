package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.data.Features;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.TextType;
import io.dendrite.core.spi.Dataset;
import io.dendrite.core.spi.DatasetContext;
import io.dendrite.core.spi.DatasetPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Examples read from an IDX records file and its labels file, each time {@link #load} runs. */
public final class IdxDataset implements Dataset {
  /** The most classes a labels file may declare: each is a target column of every example. */
  static final int MAX_CLASSES = 65_536;

  static final Param<Path> IMAGES =
      Param.path(
          "images",
          "IDX file of the records (magic 0x08nn..0x0Enn: any element type, 2 or more dimensions),"
              + " gzipped or not");
  static final Param<Path> LABELS =
      Param.path(
          "labels",
          "IDX file of the labels (integers, 1 dimension, one per record), gzipped or not");
  static final Param<Integer> LIMIT =
      Param.integer("limit", 0, "read only the first N examples; 0 reads them all").atLeast(0);
  static final Param<Integer> CLASSES =
      Param.integer(
              "classes",
              0,
              "number of classes, larger labels being errors; 0: at least 10, labels 0..K-1 with"
                  + " no gap")
          .atLeast(0)
          .atMost(MAX_CLASSES);
  static final Param<List<String>> CLASS_NAMES =
      Param.list(
          "class_names",
          TextType.ANY,
          List.of(),
          "a name per class, in label order; default: \"0\", \"1\", ...");

  /** Registers the dataset as {@code idx}. */
  public static final class Plugin extends DatasetPlugin.Base {
    public Plugin() {
      super(
          declare("idx", "records and labels from IDX files (MNIST's format), gzipped or not")
              .params(IMAGES, LABELS, Normalization.PARAM, LIMIT, CLASSES, CLASS_NAMES),
          params ->
              new IdxDataset(
                  params.get(IMAGES),
                  params.get(LABELS),
                  Normalization.of(params.get(Normalization.PARAM)),
                  params.get(LIMIT),
                  params.get(CLASSES),
                  params.get(CLASS_NAMES)));
    }
  }

  private final Path images;
  private final Path labels;
  private final Normalization normalization;
  private final int limit;
  private final int classes;
  private final List<String> classNames;

  IdxDataset(
      Path images,
      Path labels,
      Normalization normalization,
      int limit,
      int classes,
      List<String> classNames) {
    this.images = images.toAbsolutePath().normalize();
    this.labels = labels.toAbsolutePath().normalize();
    this.normalization = normalization;
    this.limit = limit;
    this.classes = classes;
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public Examples load(DatasetContext context) {
    if (classes > 0 && !classNames.isEmpty() && classes != classNames.size()) {
      throw DendriteException.config(
          "idx dataset "
              + images
              + ": classes is "
              + classes
              + " but class_names has "
              + classNames.size()
              + " names; give one name per class, or leave one of them out");
    }
    if (classNames.stream().distinct().count() != classNames.size()) {
      throw DendriteException.config(
          "idx dataset " + images + ": class_names " + classNames + " repeats a name");
    }
    return IdxReader.read(
            () -> IdxInput.open(images, IdxKind.IMAGES),
            () -> IdxInput.open(labels, IdxKind.LABELS),
            limit,
            classes,
            classNames)
        .intoExamples(normalization, images.toString());
  }

  /** Pictures are made the size of this dataset's images (read from its header) as MNIST does. */
  @Override
  public Optional<Features> readInputs(Path file, DatasetContext context) {
    IdxHeader header;
    try (IdxInput in = IdxInput.open(images, IdxKind.IMAGES)) {
      header = in.readHeader(IdxKind.IMAGES);
    }
    int[] dims = header.dims();
    if (dims.length != 3) {
      String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      return ImageFile.isImageName(name)
          ? Optional.empty()
          : PredictionInputs.read(file, header.recordValues(), 1, normalization, false);
    }
    return PredictionInputs.read(file, dims[2], dims[1], normalization, true);
  }

  @Override
  public String inputFormats() {
    return PredictionInputs.FORMATS;
  }
}
