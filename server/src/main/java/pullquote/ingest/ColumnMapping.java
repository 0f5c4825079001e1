package pullquote.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which export column feeds which review field: explicit {@code --map field=column} choices first,
 * then each field's common aliases, matched ignoring case.
 */
public record ColumnMapping(Map<InputField, String> explicit) {

  public static final ColumnMapping DEFAULT = new ColumnMapping(Map.of());

  public ColumnMapping {
    explicit = Map.copyOf(explicit);
  }

  /**
   * Parses {@code field=column} pairs as given on the command line.
   *
   * @throws IllegalArgumentException naming the pair that is not of that form or not a field
   */
  public static ColumnMapping parse(List<String> pairs) {
    Map<InputField, String> explicit = new EnumMap<>(InputField.class);
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException("--map takes field=column, not '" + pair + "'");
      }
      String name = pair.substring(0, eq);
      InputField field =
          InputField.parse(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--map: '"
                              + name
                              + "' is not a review field; fields are "
                              + List.of(InputField.values()).stream()
                                  .map(InputField::key)
                                  .toList()));
      explicit.put(field, pair.substring(eq + 1).strip());
    }
    return new ColumnMapping(explicit);
  }

  /** For each field, the header column that feeds it, among the columns this file has. */
  public Map<InputField, String> resolve(List<String> header) {
    Map<String, String> byLowerName = new java.util.HashMap<>();
    for (String column : header) {
      byLowerName.putIfAbsent(
          column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), column);
    }
    Map<InputField, String> resolved = new EnumMap<>(InputField.class);
    for (InputField field : InputField.values()) {
      find(field, byLowerName).ifPresent(column -> resolved.put(field, column));
    }
    return resolved;
  }

  private Optional<String> find(InputField field, Map<String, String> byLowerName) {
    String wanted = explicit.get(field);
    if (wanted != null) {
      return Optional.ofNullable(byLowerName.get(wanted.toLowerCase(Locale.ROOT)));
    }
    return field.aliases().stream().map(byLowerName::get).filter(c -> c != null).findFirst();
  }
}
