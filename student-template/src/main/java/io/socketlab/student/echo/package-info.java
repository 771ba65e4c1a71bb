/** The echo exercise (RFC 862): every byte back over TCP and every datagram back over UDP, on one port. */
package io.socketlab.student.echo;
