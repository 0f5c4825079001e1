package pullquote.sentiment;

/**
 * A text model's two log-odds: positive against negative, and mixed against the rest. Two models'
 * log-odds add up to the evidence of both (the accurate tier adds the transformer's to the linear
 * model's).
 */
public record LogOdds(double polarity, double mixed) {

  public static final LogOdds NONE = new LogOdds(0, 0);

  public LogOdds plus(LogOdds other) {
    return new LogOdds(polarity + other.polarity, mixed + other.mixed);
  }
}
