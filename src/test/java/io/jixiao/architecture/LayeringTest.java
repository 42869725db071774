package io.jixiao.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Domain and service code stays free of JAX-RS and of the generated API types (the HTTP edge in
 * common.http builds the contract's Problem document).
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jixiao");

    @Test
    void onlyResourcesMappersAndTheHttpPackageSpeakHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.jixiao.api..", "io.jixiao.common.http..")
                .and()
                .haveSimpleNameNotEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void onlyResourcesMappersAndTheHttpPackageSeeGeneratedApiTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.jixiao.api..", "io.jixiao.common.http..")
                .and()
                .haveSimpleNameNotEndingWith("Resource")
                .and()
                .haveSimpleNameNotEndingWith("Mapper")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jixiao.api..")
                .check(CLASSES);
    }
}
