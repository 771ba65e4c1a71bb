/** Conformance tests of the HTTP/1.1 static file server and client, with the small HTTP parser they read responses with. */
package io.socketlab.grader.suites.http;
