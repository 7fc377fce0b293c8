/**
 * The leases' work: renewing this node's leases, handing them back, taking over an export whose node died.
 */
package org.exportaudit.lease.control;
