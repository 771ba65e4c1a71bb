/** The quiz exercise: players join, answer timed rounds in step, and the game's state lives behind one lock. */
package io.socketlab.reference.quiz;
