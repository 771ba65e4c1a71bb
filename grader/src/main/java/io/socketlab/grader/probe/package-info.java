/** Grader-side peers that speak the protocols over real sockets: clients for servers, fake servers for clients. */
package io.socketlab.grader.probe;
