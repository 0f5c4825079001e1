package pullquote.server;

import java.util.function.Supplier;
import pullquote.sentiment.LoadOnce;
import pullquote.sentiment.TextSentimentModel;

/** A text model loaded when first used, once: a server that never shows a work loads none. */
final class LazyModel implements TextSentimentModel {

  private final LoadOnce<TextSentimentModel> model;

  LazyModel(Supplier<? extends TextSentimentModel> load) {
    this.model = new LoadOnce<>(load);
  }

  @Override
  public Prediction classify(String text) {
    return model.get().classify(text);
  }
}
