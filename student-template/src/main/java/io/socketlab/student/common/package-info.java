/** What every program of the template shares: command line, logging, line framing, exit codes, lingering close, shutdown on SIGTERM. */
package io.socketlab.student.common;
