package org.exportaudit.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build packaged it: what the tests deploy is what operators deploy. */
final class ExportAuditEar {

    private ExportAuditEar() {
    }

    static EnterpriseArchive asBuilt() {
        File ear = new File(System.getProperty("export-audit.ear", "target/export-audit.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
