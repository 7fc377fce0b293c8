/**
 * The identity's values: a signed-in user as the application sees them.
 */
package org.exportaudit.identity.entity;
