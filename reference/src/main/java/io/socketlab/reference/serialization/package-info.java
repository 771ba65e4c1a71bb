/** The serialization exercise: length-prefixed JSON reports, stored durably and listed back. */
package io.socketlab.reference.serialization;
