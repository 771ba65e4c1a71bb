/** What every program of the template shares: command line, line framing, exit codes, shutdown on SIGTERM. */
package io.socketlab.student.common;
