/** The sockets exercise: a greeting, one {@code RECEIVED <n>} per line, and {@code BYE}. */
package io.socketlab.student.sockets;
