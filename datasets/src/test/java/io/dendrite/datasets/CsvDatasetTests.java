package io.dendrite.datasets;

import static io.dendrite.datasets.CsvFiles.EXAMPLES;
import static io.dendrite.datasets.CsvFiles.load;
import static io.dendrite.datasets.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dendrite.core.data.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code csv} dataset makes of good tables, the shipped examples among them. */
class CsvDatasetTests {
  @TempDir Path dir;

  @Test
  void irisHasThreeNamedClassesInSortedOrder() {
    Examples iris = load(EXAMPLES.resolve("iris.csv"), Map.of());
    assertThat(iris.size()).isEqualTo(150);
    assertThat(iris.featureCount()).isEqualTo(4);
    assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(iris.features().toMatrix().get(0, 0)).isEqualTo(5.1f);
    assertThat(iris.label(0)).isZero();
    assertThat(iris.label(149)).isEqualTo(2);
    assertThat(iris.source()).contains("iris.csv").contains("column 5 \"species\"");
  }

  @Test
  void theOtherExampleTablesLoad() {
    Examples wine = load(EXAMPLES.resolve("wine.csv"), Map.of());
    assertThat(wine.size()).isEqualTo(178);
    assertThat(wine.featureCount()).isEqualTo(13);
    assertThat(wine.classNames()).containsExactly("class_0", "class_1", "class_2");
    Examples cancer = load(EXAMPLES.resolve("breast_cancer.csv"), Map.of());
    assertThat(cancer.size()).isEqualTo(569);
    assertThat(cancer.featureCount()).isEqualTo(30);
    assertThat(cancer.classNames()).containsExactly("benign", "malignant");
  }

  @Test
  void diabetesIsRegressionOnItsOwn() {
    Examples diabetes = load(EXAMPLES.resolve("diabetes.csv"), Map.of());
    assertThat(diabetes.isClassification()).isFalse();
    assertThat(diabetes.size()).isEqualTo(442);
    assertThat(diabetes.featureCount()).isEqualTo(10);
    assertThat(diabetes.targetCount()).isEqualTo(1);
    assertThat(diabetes.targets().get(0, 0)).isEqualTo(151.0);
  }

  @Test
  void targetByNameOrPositionAndFeaturesOrDrop() {
    Path iris = EXAMPLES.resolve("iris.csv");
    Examples byName =
        load(iris, Map.of("target", "species", "features", List.of("petal_width", "sepal_length")));
    assertThat(byName.featureCount()).isEqualTo(2);
    assertThat(byName.features().toMatrix().get(0, 0)).isEqualTo(0.2f);
    assertThat(byName.features().toMatrix().get(0, 1)).isEqualTo(5.1f);
    Examples byPosition = load(iris, Map.of("target", "-1", "drop", List.of("2", "sepal_length")));
    assertThat(byPosition.featureCount()).isEqualTo(2);
    assertThat(byPosition.features().toMatrix().get(0, 0)).isEqualTo(1.4f);
    Examples otherTarget = load(iris, Map.of("target", "1", "drop", List.of("species")));
    assertThat(otherTarget.isClassification()).isFalse();
    assertThat(otherTarget.targets().get(0, 0)).isEqualTo(5.1f);
  }

  @Test
  void integerClassesSortByValueAndFewIntegersAreClassesUnderAuto() {
    Path file = write(dir, "codes.csv", "x,y\n1,10\n2,9\n3,10.0\n4,2\n5,9\n");
    Examples e = load(file, Map.of());
    assertThat(e.classNames()).containsExactly("2", "9", "10");
    assertThat(e.label(0)).isEqualTo(2);
    assertThat(e.label(2)).isEqualTo(2);
    Examples regression = load(file, Map.of("task", "regression"));
    assertThat(regression.isClassification()).isFalse();
    assertThat(regression.targets().get(3, 0)).isEqualTo(2.0);
  }

  @Test
  void fractionalOrManyDistinctTargetsAreRegressionUnderAuto() {
    assertThat(load(write(dir, "f.csv", "x,y\n1,0.5\n2,1\n"), Map.of()).isClassification())
        .isFalse();
    StringBuilder many = new StringBuilder("x,y\n");
    for (int i = 0; i <= CsvDataset.AUTO_MAX_CLASSES; i++) {
      many.append(i).append(',').append(i).append('\n');
    }
    assertThat(load(write(dir, "m.csv", many.toString()), Map.of()).isClassification()).isFalse();
    assertThat(
            load(write(dir, "m.csv", many.toString()), Map.of("task", "classification"))
                .targetCount())
        .isEqualTo(CsvDataset.AUTO_MAX_CLASSES + 1);
  }

  @Test
  void quotedValuesOtherDelimitersBomAndBlankLines() {
    Path file =
        write(
            dir,
            "semi.csv",
            "\uFEFF\"a;b\";c;label\r\n\"1,5\";2;\"yes; really\"\r\n3;4;no\r\n\r\n");
    Examples e = load(file, Map.of("delimiter", ";", "features", List.of("c")));
    assertThat(e.size()).isEqualTo(2);
    assertThat(e.classNames()).containsExactly("no", "yes; really");
    assertThat(
            load(file, Map.of("delimiter", ";", "target", "label", "drop", List.of("a;b"))).size())
        .isEqualTo(2);
  }

  @Test
  void withoutHeaderColumnsAreNamedByPosition() {
    Path file = write(dir, "plain.csv", "1,2,a\n3,4,b\n5,6,a\n");
    Examples e = load(file, Map.of("header", false));
    assertThat(e.size()).isEqualTo(3);
    assertThat(e.classNames()).containsExactly("a", "b");
    assertThat(load(file, Map.of("header", false, "features", List.of("2"))).featureCount())
        .isEqualTo(1);
  }

  @Test
  void missingCellsAreDroppedOrFilledWithTheColumnMean() {
    Path file = write(dir, "gaps.csv", "x,z,y\n1,10,a\n,20,b\n3,NA,a\n5,?,b\n,,\n");
    Examples dropped = load(file, Map.of("missing", "drop_row"));
    assertThat(dropped.size()).isEqualTo(1);
    assertThat(dropped.source()).contains("4 rows with missing values dropped");
    Path noTargetGap = write(dir, "gaps2.csv", "x,z,y\n1,10,a\n,20,b\n3,NA,a\n5,?,b\n");
    Examples filled = load(noTargetGap, Map.of("missing", "mean"));
    assertThat(filled.size()).isEqualTo(4);
    float[] values = filled.features().toMatrix().floats();
    assertThat(values).containsExactly(1, 10, 3, 20, 3, 15, 5, 15);
    assertThat(filled.source()).contains("3 missing cells set to column means");
  }
}
