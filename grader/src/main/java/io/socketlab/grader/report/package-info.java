/** Report formats, one {@link io.socketlab.grader.model.GradingListener} each; reports never open sockets. */
package io.socketlab.grader.report;
