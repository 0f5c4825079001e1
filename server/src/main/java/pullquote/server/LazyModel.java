package pullquote.server;

import java.util.function.Supplier;
import pullquote.sentiment.TextSentimentModel;

/** A text model loaded when first used, once: a server that never shows a work loads none. */
final class LazyModel implements TextSentimentModel {

  private final Supplier<? extends TextSentimentModel> load;
  private volatile TextSentimentModel model;

  LazyModel(Supplier<? extends TextSentimentModel> load) {
    this.load = load;
  }

  @Override
  public Prediction classify(String text) {
    TextSentimentModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        if (model == null) {
          model = load.get();
        }
        loaded = model;
      }
    }
    return loaded.classify(text);
  }
}
