/**
 * The cluster's leases: each running export is leased by the node that runs it, renewed by a heartbeat, handed
 * back when the node stops, and taken over by another node when the lease runs out (its node died).
 */
package org.exportaudit.lease;
