/** Deliberately leaking and correctly closing programs, for the architecture rule that sockets and streams close. */
package io.socketlab.grader.leaks;
