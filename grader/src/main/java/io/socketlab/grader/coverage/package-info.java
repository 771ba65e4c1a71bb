/** Coverage of Java targets: the JaCoCo agent attached to their programs, its data collected and reported. */
package io.socketlab.grader.coverage;
