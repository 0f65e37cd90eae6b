package dev.opsgraph.consumer;

import java.util.ArrayList;
import java.util.List;

/** Messages read from one topic and the faults found in them. */
final class Tally {
  long messages;
  final List<String> faults = new ArrayList<>();
}
