package io.dendrite.datasets;

import io.dendrite.core.DendriteException;
import io.dendrite.core.data.Examples;
import io.dendrite.core.param.Param;
import io.dendrite.core.param.TextType;
import io.dendrite.core.spi.DatasetContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A data set published as IDX files (MNIST, Fashion-MNIST): its files per split, the mirrors that
 * serve them, its class names, and where a machine may already have them.
 *
 * <p>A split's files are looked for in the folder given as {@code path}, then in the user's cache
 * ({@code <cache>/<id>/}), then in the system folders (where a distribution installs the data);
 * each file gzipped or not. What is found nowhere is downloaded into the cache and verified.
 *
 * @param id the dataset id, also the cache folder's name
 * @param title the data set's name for people
 * @param splits split name to its images file and its labels file
 * @param mirrors default base URLs, tried in order
 * @param classNames the name of each class, in label order
 * @param systemFolders where the files may be installed already
 * @param installHint how else to get the files, for the message when they cannot be found
 */
record PublishedIdxSet(
    String id,
    String title,
    Map<String, List<KnownFile>> splits,
    List<String> mirrors,
    List<String> classNames,
    List<Path> systemFolders,
    String installHint) {
  PublishedIdxSet {
    splits = Map.copyOf(splits);
    mirrors = List.copyOf(mirrors);
    classNames = List.copyOf(classNames);
    systemFolders = List.copyOf(systemFolders);
  }

  /** The parameter that picks a split. */
  static Param<String> splitParam(String doc) {
    return Param.choice("split", "train", doc, "train", "test");
  }

  /** The parameter of a folder to look in first. */
  static Param<Path> pathParam() {
    return Param.path(
            "path",
            "folder holding the split's IDX files (gzipped or not), looked in before the cache")
        .optional();
  }

  /** The parameter listing the base URLs to download from. */
  Param<List<String>> mirrorsParam() {
    return Param.list(
        "mirrors",
        TextType.ANY,
        mirrors,
        "base URLs the files are downloaded from when they are found nowhere, tried in order");
  }

  static final Param<Boolean> DOWNLOAD =
      Param.bool("download", true, "download missing files into the cache; false: only look");

  /** Reads a split: from files at hand, or downloaded into the cache first. */
  Examples load(
      DatasetContext context,
      String split,
      Optional<Path> path,
      List<String> mirrorList,
      boolean download,
      int limit,
      Normalization normalization) {
    List<KnownFile> files = splits.get(split);
    Path cache = context.cacheFolder().resolve(id).toAbsolutePath().normalize();
    List<Path> folders = new ArrayList<>();
    path.ifPresent(p -> folders.add(p.toAbsolutePath().normalize()));
    folders.add(cache);
    folders.addAll(systemFolders);
    Path images = find(files.get(0), folders, cache, split, files, mirrorList, download);
    Path labels = find(files.get(1), folders, cache, split, files, mirrorList, download);
    LabeledImages data =
        IdxReader.read(
            () -> IdxInput.open(images, IdxKind.IMAGES),
            () -> IdxInput.open(labels, IdxKind.LABELS),
            limit,
            classNames.size(),
            classNames);
    return data.intoExamples(
        normalization, id + " split " + split + " (" + images + ", " + labels + ")");
  }

  private Path find(
      KnownFile file,
      List<Path> folders,
      Path cache,
      String split,
      List<KnownFile> splitFiles,
      List<String> mirrorList,
      boolean download) {
    for (Path folder : folders) {
      for (String name : List.of(file.name(), file.plainName())) {
        Path candidate = folder.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    String where =
        new LinkedHashSet<>(folders).stream().map(Path::toString).collect(Collectors.joining(", "));
    String names = splitFiles.stream().map(KnownFile::name).collect(Collectors.joining(" and "));
    String advice =
        "put "
            + names
            + " (gzipped or not) into "
            + cache
            + " or into a folder given as path:"
            + (installHint.isEmpty() ? "" : ", or " + installHint);
    if (!download) {
      throw DendriteException.data(
          id
              + " split "
              + split
              + ": "
              + file.name()
              + " is in none of "
              + where
              + ", and download is false; "
              + advice);
    }
    if (mirrorList.isEmpty()) {
      throw DendriteException.data(
          id
              + " split "
              + split
              + ": "
              + file.name()
              + " is in none of "
              + where
              + ", and mirrors is empty; "
              + advice);
    }
    try {
      return new VerifiedDownload(id, System.err).fetch(file, mirrorList, cache);
    } catch (VerifiedDownload.NoMirrorWorked e) {
      StringBuilder message =
          new StringBuilder(id)
              .append(" split ")
              .append(split)
              .append(": ")
              .append(file.name())
              .append(" is in none of ")
              .append(where)
              .append(", and no mirror gave it:");
      e.failures().forEach(f -> message.append("\n  ").append(f));
      message.append("\nWith no network, ").append(advice).append('.');
      throw DendriteException.data(message.toString(), e);
    }
  }
}
