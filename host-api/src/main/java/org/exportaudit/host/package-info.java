/**
 * The EJB API for host applications (HostExports): exports started, decided and read by another application of
 * the server, as its caller; an EJB jar of its own, in the server's security domain.
 */
package org.exportaudit.host;
