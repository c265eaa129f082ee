package io.hookline.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build produced, exactly as shipped, plus the test support classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive hookline(Class<?> testClass) {
        return ShrinkWrap.create(ZipImporter.class, "hookline.war")
                .importFrom(new File(System.getProperty("hookline.war")))
                .as(WebArchive.class)
                .addPackage(Deployments.class.getPackage())
                .addClass(testClass);
    }
}
