/**
 * A sample free project: a small key-value store served over TCP, with a client that sends commands and prints
 * the replies. It shows what the {@code project} exercise asks for: {@code --help}, {@code --port}, own tests.
 */
package io.socketlab.reference.project;
