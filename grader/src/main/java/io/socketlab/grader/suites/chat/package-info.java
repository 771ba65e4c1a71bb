/** Conformance tests of the {@code chat} exercise (specs/chat.md): multi-user publish/subscribe over TCP. */
package io.socketlab.grader.suites.chat;
