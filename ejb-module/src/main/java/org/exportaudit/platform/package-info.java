/** What every business component stands on: the schema, time, persistence conversions. */
package org.exportaudit.platform;
