/** The http exercise: an HTTP/1.1 static file server and a GET client, both written on raw sockets. */
package io.socketlab.reference.http;
