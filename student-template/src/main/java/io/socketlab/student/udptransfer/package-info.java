/** The udp-transfer exercise: one file over lossy UDP, made reliable with acknowledgements, retransmission and SHA-256. */
package io.socketlab.student.udptransfer;
