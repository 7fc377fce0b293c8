/**
 * The leases' entry points, run by the container alone: the heartbeat timer, and the hand-back at start and
 * stop.
 */
package org.exportaudit.lease.boundary;
