/** The instructor's class view: many students' {@code results.json} merged into a gradebook, pass rates and a histogram. */
package io.socketlab.grader.classreport;
