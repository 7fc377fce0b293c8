/**
 * The policies' entry points: super admins list, add, change and remove the export policies.
 */
package org.exportaudit.policy.boundary;
