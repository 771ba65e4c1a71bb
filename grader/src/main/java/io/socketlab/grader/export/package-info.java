/** The student-facing repository, exported from this one: template, specs, pinned grade workflow, a README. */
package io.socketlab.grader.export;
