/**
 * The dashboard's entry point: the super admins' figures, read in one call.
 */
package org.exportaudit.dashboard.boundary;
