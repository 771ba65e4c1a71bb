/** How conformance suites are written: requirement annotations, the JUnit extension, and the fixtures tests receive. */
package io.socketlab.grader.conformance;
