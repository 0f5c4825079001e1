/** Reads review pages, CSV and JSON Lines exports into normalised reviews, reporting bad input. */
package pullquote.ingest;
