/** What every reference program shares: command line, line framing, exit codes, lingering close, shutdown on SIGTERM. */
package io.socketlab.reference.common;
