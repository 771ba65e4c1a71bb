/** The udp-stream exercise: images sent row by row over UDP, best effort, and assembled with concealment. */
package io.socketlab.student.udpstream;
