/** Benchmarks and the scaled corpora they run on; measurements, never tests. */
package pullquote.bench;
