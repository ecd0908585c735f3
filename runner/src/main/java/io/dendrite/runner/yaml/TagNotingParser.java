package io.dendrite.runner.yaml;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that notes every explicit tag ({@code !!str}, {@code !foo}, {@code !}) as it passes and
 * stops a file that holds too many values before the composer has built them all.
 *
 * <p>The composer gives {@code !!str 2} and {@code "2"} the same node, so the tag's presence is
 * only visible in the events. Nodes keep their event's start mark, which identifies them here.
 * Counting events bounds what composing costs: a megabyte of one-character list items would
 * otherwise become a quarter of a million nodes (a quarter of a gigabyte allocated) first.
 */
final class TagNotingParser implements Parser {
  /**
   * The most scalars, lists and mappings a file may write out (aliases aside): experiments write a
   * few hundred, and composing costs about a kilobyte of allocation per value.
   */
  static final int MAX_EVENTS = 20_000;

  /** Thrown when the file writes out more than {@link #MAX_EVENTS} values. */
  static final class TooManyValues extends YAMLException {
    TooManyValues() {
      super("more than " + MAX_EVENTS + " values");
    }
  }

  private final Parser parser;
  private final Map<Mark, String> tags = new IdentityHashMap<>();
  private int values;

  TagNotingParser(Parser parser) {
    this.parser = parser;
  }

  /** The tag written on the node that starts at {@code mark}, or null when none was. */
  String tagAt(Mark mark) {
    return tags.get(mark);
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    String tag = null;
    if (event instanceof ScalarEvent s) {
      tag = s.getTag();
    } else if (event instanceof CollectionStartEvent c) {
      tag = c.getTag();
    }
    if ((event instanceof ScalarEvent || event instanceof CollectionStartEvent)
        && ++values > MAX_EVENTS) {
      throw new TooManyValues();
    }
    if (tag != null) {
      tags.put(event.getStartMark(), tag);
    }
    return event;
  }
}
