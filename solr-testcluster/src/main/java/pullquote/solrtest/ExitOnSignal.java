package pullquote.solrtest;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into {@code System.exit(0)}: the shutdown hooks run just as on the JVM's
 * own handling of those signals, which would end the process with 143 or 130 instead. A signal that
 * cannot be handled (the JVM reserves it, e.g. under {@code -Xrs}) keeps the JVM's handling: the
 * hooks still run.
 */
final class ExitOnSignal {

  private ExitOnSignal() {}

  static void install(String... signals) {
    for (String name : signals) {
      try {
        Signal.handle(new Signal(name), signal -> System.exit(0));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        System.err.println("note: " + name + " keeps the JVM's handling: " + e.getMessage());
      }
    }
  }
}
