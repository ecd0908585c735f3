package io.dendrite.runner.yaml;

import io.dendrite.runner.config.ConfigDocument;
import io.dendrite.runner.config.ConfigException;
import io.dendrite.runner.config.ConfigMap;
import io.dendrite.runner.config.ConfigNode;
import io.dendrite.runner.config.ConfigProblem;
import io.dendrite.runner.config.ConfigScalar;
import io.dendrite.runner.config.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads an experiment file into a {@link ConfigMap}, safely.
 *
 * <p>SnakeYAML only composes nodes here; nothing is ever constructed from the file, so no class can
 * be named or loaded by it. Limits on size, aliases and depth make hostile files fail fast with
 * bounded memory. Every error names the file as the user gave it, with line and column.
 */
public final class YamlTreeReader {
  /** Largest file accepted; experiment files are a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  /** Aliases to lists or mappings; more is treated as an alias bomb. */
  public static final int MAX_COLLECTION_ALIASES = 50;

  /** Deepest nesting of lists and mappings. */
  public static final int MAX_NESTING = 50;

  /**
   * Reads {@code file}, naming it {@code displayName} (the path as the user typed it) in errors.
   *
   * @throws ConfigException for any problem
   */
  public ConfigMap read(Path file, String displayName) {
    return strict(readDocument(file, displayName));
  }

  /** Parses {@code text} as the experiment file {@code displayName}; any problem is thrown. */
  public ConfigMap parse(String text, String displayName) {
    return strict(parseDocument(text, displayName));
  }

  private static ConfigMap strict(ConfigDocument document) {
    if (!document.problems().isEmpty()) {
      throw new ConfigException(document.problems());
    }
    return document.root();
  }

  /**
   * Reads {@code file} into a tree, keeping problems that leave the rest usable. Duplicate keys and
   * refused tags are returned with the tree instead of thrown.
   *
   * @throws ConfigException when the file cannot be read as one YAML mapping at all
   */
  public ConfigDocument readDocument(Path file, String displayName) {
    Position whole = Position.file(displayName);
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw ConfigException.of(whole, "", "is a folder; expected a YAML experiment file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw ConfigException.of(
            whole,
            "",
            String.format(
                Locale.ROOT,
                "is %.1f MB; an experiment file may be at most %d MB",
                size / 1048576.0,
                MAX_BYTES >> 20));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ConfigException.of(
          whole, "", "no such file (looked for " + file.toAbsolutePath().normalize() + ")");
    } catch (IOException e) {
      throw ConfigException.of(whole, "", "cannot be read: " + e);
    }
    return parseDocument(decode(bytes, displayName), displayName);
  }

  /** Like {@link #readDocument} for text already in memory. */
  public ConfigDocument parseDocument(String text, String displayName) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // Text given in memory is held to the file's limit before any parsing work (SnakeYAML's own
    // limit counts only what its scanner reads as content, not comments).
    if (text.length() > MAX_BYTES) {
      throw ConfigException.of(
          Position.file(displayName), "", "larger than " + (MAX_BYTES >> 20) + " MB; refused");
    }
    CharacterCheck.check(text, (line, column) -> Position.of(displayName, line, column));
    Function<Mark, Position> positions =
        mark -> Position.of(displayName, mark.getLine() + 1, mark.getColumn() + 1);
    TagNotingParser parser = parser(text);
    Node root = composeSingle(parser, text, displayName, positions);
    if (root == null) {
      throw ConfigException.of(
          Position.file(displayName),
          "",
          "is empty; expected a mapping of experiment settings (name, data, model, loss, ...)");
    }
    if (!(root instanceof MappingNode)) {
      boolean nothing = root instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
      throw ConfigException.of(
          positions.apply(root.getStartMark()),
          "",
          "the top level must be a mapping of settings (key: value lines), found "
              + (nothing ? "nothing" : kind(root)));
    }
    NodeTreeBuilder builder = new NodeTreeBuilder(displayName, positions, parser::tagAt);
    ConfigNode tree = builder.build(root, "");
    return new ConfigDocument(
        (ConfigMap) tree, builder.problems().stream().sorted(ConfigProblem.IN_FILE_ORDER).toList());
  }

  /**
   * Reads the value of a command-line override, with the same limits as a file. Values look like
   * {@code 64}, {@code relu} or {@code {type: dense, units: 64}}; every node is placed at {@code
   * argument}.
   */
  public ConfigNode parseValue(String text, String argument) {
    Position at = Position.override(argument);
    CharacterCheck.check(text, (line, column) -> at);
    TagNotingParser parser = parser(text);
    Node node = composeSingle(parser, text, "override '" + argument + "'", mark -> at);
    if (node == null) {
      return new ConfigScalar(at, "", null, "");
    }
    NodeTreeBuilder builder = new NodeTreeBuilder(at.source(), mark -> at, parser::tagAt);
    ConfigNode value = builder.build(node, "");
    if (!builder.problems().isEmpty()) {
      throw new ConfigException(builder.problems());
    }
    return value;
  }

  private static TagNotingParser parser(String text) {
    return new TagNotingParser(new ParserImpl(new StreamReader(text), options()));
  }

  private Node composeSingle(
      TagNotingParser parser, String text, String displayName, Function<Mark, Position> positions) {
    LoaderOptions options = options();
    Composer composer = new Composer(parser, new PlainResolver(), options);
    try {
      if (!composer.checkNode()) {
        return null;
      }
      Node root = composer.getNode();
      if (composer.checkNode()) {
        Mark second = parser.peekEvent().getStartMark();
        throw ConfigException.of(
            positions.apply(second),
            "",
            "a second YAML document starts here; an experiment file holds exactly one");
      }
      return root;
    } catch (MarkedYAMLException e) {
      throw syntaxError(e, text, displayName, positions);
    } catch (YAMLException e) {
      throw limitError(e, displayName);
    } catch (NumberFormatException e) {
      // SnakeYAML parses the hexadecimal digits of an escape without checking the text has them.
      throw ConfigException.of(
          positions.apply(endOf(text)),
          "",
          "the text ends inside an escape (\\x, \\u or \\U) of a double-quoted string; expected"
              + " its hexadecimal digits and the closing quote");
    }
  }

  /** The mark just past the last character of {@code text}. */
  private static Mark endOf(String text) {
    int line = (int) text.chars().filter(c -> c == '\n').count();
    int column = text.length() - (text.lastIndexOf('\n') + 1);
    return new Mark("", text.length(), line, column, new int[0], 0);
  }

  static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setMergeOnCompose(false);
    options.setTagInspector(tag -> false);
    return options;
  }

  private static ConfigException syntaxError(
      MarkedYAMLException e, String text, String displayName, Function<Mark, Position> positions) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Position at = mark == null ? Position.file(displayName) : positions.apply(mark);
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    if (problem.startsWith("Global tag is not allowed: ")) {
      return ConfigException.of(
          at,
          "",
          NodeTreeBuilder.tagMessage(
              new Tag(problem.substring("Global tag is not allowed: ".length()))));
    }
    StringBuilder message = new StringBuilder(problem);
    if (e.getContext() != null) {
      message.append(" (").append(e.getContext());
      Mark context = e.getContextMark();
      if (context != null && mark != null && context.getLine() != mark.getLine()) {
        message.append(" at line ").append(context.getLine() + 1);
      }
      message.append(')');
    }
    if (mark != null && at.hasLine()) {
      message.append(snippet(text, mark.getLine(), mark.getColumn()));
    }
    return ConfigException.of(at, "", message.toString());
  }

  private static ConfigException limitError(YAMLException e, String displayName) {
    String m = String.valueOf(e.getMessage());
    String message;
    if (e instanceof TagNotingParser.TooManyValues) {
      message =
          "holds more than "
              + TagNotingParser.MAX_EVENTS
              + " values; refused, an experiment file is far smaller";
    } else if (m.contains("aliases for non-scalar nodes")) {
      message =
          "more than "
              + MAX_COLLECTION_ALIASES
              + " aliases (*name) to lists or mappings; refused, as such a file can expand to"
              + " billions of values (an alias bomb)";
    } else if (m.contains("Nesting Depth")) {
      message = "lists and mappings nested more than " + MAX_NESTING + " levels deep; refused";
    } else if (m.contains("code points")) {
      message = "larger than " + (MAX_BYTES >> 20) + " MB; refused";
    } else {
      message = "cannot be read as YAML: " + m;
    }
    return ConfigException.of(Position.file(displayName), "", message);
  }

  /** The offending line and a caret under the column, indented below the message. */
  static String snippet(String text, int line, int column) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (line < 0 || line >= lines.length) {
      return "";
    }
    String content = lines[line].replace('\t', ' ');
    if (content.length() > 120) {
      int start = Math.max(0, Math.min(column - 60, content.length() - 120));
      content = content.substring(start, start + 120);
      column -= start;
    }
    return "\n    "
        + content
        + "\n    "
        + " ".repeat(Math.max(0, Math.min(column, content.length())))
        + "^";
  }

  private static String kind(Node node) {
    return node instanceof ScalarNode s
        ? "a single value '" + NodeTreeBuilder.abbreviated(s.getValue()) + "'"
        : "a list";
  }

  private static String decode(byte[] bytes, String displayName) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw ConfigException.of(
          Position.file(displayName),
          "",
          String.format(
              Locale.ROOT,
              "is not valid UTF-8: byte 0x%02X at byte offset %d (line %d); save the file as UTF-8",
              bytes[offset] & 0xff,
              offset,
              line));
    }
    out.flip();
    return out.toString();
  }
}
