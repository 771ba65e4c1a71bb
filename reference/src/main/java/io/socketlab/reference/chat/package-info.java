/** The chat exercise: nicks, messages to all or to one, and a writer per client so that slow readers delay nobody. */
package io.socketlab.reference.chat;
