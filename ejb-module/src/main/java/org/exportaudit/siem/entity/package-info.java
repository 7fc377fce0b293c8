/**
 * The SIEM's entities: a receiver and how far its delivery has come.
 */
package org.exportaudit.siem.entity;
