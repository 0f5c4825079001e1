/** Turns search requests into Lucene queries and answers them with hits, highlights and facets. */
package pullquote.search;
