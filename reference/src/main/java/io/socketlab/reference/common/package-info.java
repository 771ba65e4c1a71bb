/** What every reference program shares: command line, line framing, exit codes, shutdown on SIGTERM. */
package io.socketlab.reference.common;
