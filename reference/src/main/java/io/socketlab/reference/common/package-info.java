/** What every reference program shares: command line, logging, line framing, exit codes, lingering close, shutdown on SIGTERM. */
package io.socketlab.reference.common;
