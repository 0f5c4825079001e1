/** The Lucene schema, analysis, and offline index builds swapped in atomically by generation. */
package pullquote.index;
