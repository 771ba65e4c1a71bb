/** The grader's impaired network: a seeded, logged, lossy UDP relay between clients and a server. */
package io.socketlab.grader.network;
