/** The vocabulary shared by the grader's parts: verdicts, levels, bilingual text and test outcomes. */
package io.socketlab.grader.model;
