/**
 * The demo's work: the demo CRM's records, and 60 days of history replayed through the product's own entities
 * and events.
 */
package org.exportaudit.demo.control;
