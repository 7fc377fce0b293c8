/**
 * The policies' work: which policies govern a request, which limit its count reaches, and the gate that
 * decides.
 */
package org.exportaudit.policy.control;
