/** Sentiment labels, the score bands that define them, and text models that guess them. */
package pullquote.sentiment;
