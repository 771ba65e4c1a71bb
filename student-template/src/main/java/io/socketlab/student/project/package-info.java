/**
 * Your free project: a client/server program of your own choice (specs/project.md). Start from
 * {@link io.socketlab.student.project.ProjectServer} and {@link io.socketlab.student.project.ProjectClient}, add
 * classes here and tests under src/test/java in this package.
 */
package io.socketlab.student.project;
