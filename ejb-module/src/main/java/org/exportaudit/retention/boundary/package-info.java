/**
 * The retention's timer: once a day it purges files past their window and audit records past their retention.
 */
package org.exportaudit.retention.boundary;
