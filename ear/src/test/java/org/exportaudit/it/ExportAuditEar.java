package org.exportaudit.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR exactly as the build packaged it: what the tests deploy is what operators deploy. Arquillian
 * asks for it as it deploys a test class's own deployment: the EAR that the other classes share makes
 * way first ({@link SharedDeployment}).
 */
final class ExportAuditEar {

    private ExportAuditEar() {
    }

    static EnterpriseArchive asBuilt() {
        SharedDeployment.makeWay();
        File ear = new File(System.getProperty("export-audit.ear", "target/export-audit.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /**
     * The EAR as built plus a probe WAR holding the test classes, so that tests run inside the
     * application: its persistence unit, its beans, its security; and the clock a test moves
     * ({@link MovableClock}), in a library of its own, which every module sees.
     */
    static EnterpriseArchive withProbe(Class<?>... testClasses) {
        EnterpriseArchive ear = asBuilt();
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "movable-clock.jar")
                .addClass(MovableClock.class)
                .addAsManifestResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml"));
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "probe.war")
                .addClasses(testClasses)
                .addClasses(Poll.class, Trail.class)
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"all\"/>"), "beans.xml");
        ear.addAsModule(Testable.archiveToTest(probe));
        ear.setApplicationXML(new StringAsset(applicationXml(ear).replace("</application>",
                "<module><web><web-uri>probe.war</web-uri>"
                        + "<context-root>/export-audit-probe</context-root></web></module></application>")));
        return ear;
    }

    private static String applicationXml(EnterpriseArchive ear) {
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
