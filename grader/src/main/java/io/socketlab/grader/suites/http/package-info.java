/** Conformance tests of the HTTP/1.1 static file server and client, with the small HTTP parser they read responses with. */
@ServerSetup(arguments = {"--root", "{data}/root"})
package io.socketlab.grader.suites.http;

import io.socketlab.grader.conformance.ServerSetup;
