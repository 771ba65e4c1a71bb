/** Implementations under test: resolving a target, and starting, watching and stopping its programs as processes. */
package io.socketlab.grader.process;
