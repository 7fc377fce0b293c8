/**
 * The demo's start-up: its records and its history, only when the demo's settings ask for them.
 */
package org.exportaudit.demo.boundary;
