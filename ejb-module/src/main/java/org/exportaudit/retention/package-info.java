/**
 * How long things are kept: export files are downloadable for a window (30 days by default) and
 * then purged; audit records are kept for a retention (730 days by default) and then deleted. A
 * persistent EJB timer does both.
 */
package org.exportaudit.retention;
