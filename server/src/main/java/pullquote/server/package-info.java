/** The Javalin HTTP server: JSON API, error shape and the static web page. */
package pullquote.server;
