/** The file-transfer exercise: PUT, GET and LIST of binary files over TCP, checked with SHA-256. */
package io.socketlab.reference.filetransfer;
