package pullquote.sentiment;

import java.util.function.Supplier;

/**
 * A model loaded on its first use, once, by whichever thread gets there first; the others wait for
 * it. A load that fails is tried again by the next caller, so a passing fault (a full temporary
 * directory) is not remembered for the life of a server.
 */
public final class LoadOnce<T> implements Supplier<T> {

  private final Supplier<? extends T> load;
  private volatile T loaded;

  public LoadOnce(Supplier<? extends T> load) {
    this.load = load;
  }

  @Override
  public T get() {
    T value = loaded;
    if (value == null) {
      synchronized (this) {
        value = loaded;
        if (value == null) {
          value = load.get();
          loaded = value;
        }
      }
    }
    return value;
  }
}
