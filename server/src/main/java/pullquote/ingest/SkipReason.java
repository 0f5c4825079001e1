package pullquote.ingest;

import java.util.Locale;

/** Why a file or record was not indexed. */
public enum SkipReason {
  UNREADABLE_FILE,
  UNKNOWN_FORMAT,
  MISSING_COLUMN,
  MALFORMED_ROW,
  INVALID_JSON,
  INVALID_UTF8,
  EMPTY_TEXT,
  UNPARSEABLE_ENTRY;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
