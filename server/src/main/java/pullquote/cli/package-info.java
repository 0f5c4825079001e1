/** Command-line entry points (index, serve, search); each command is a composition root. */
package pullquote.cli;
