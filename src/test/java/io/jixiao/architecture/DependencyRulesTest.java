package io.jixiao.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The domains depend on each other one way (organisation ← project ← evaluation ← submission,
 * sampling, finding, evidence; all on common), each keeps its persistence to itself, and what
 * crosses a domain boundary is a reference value, never an entity.
 */
class DependencyRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jixiao");

    @Test
    void domainSlicesAreFreeOfCycles() {
        slices().matching("io.jixiao.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aRepositoryIsUsedOnlyFromItsOwnPackage() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .and()
                .resideInAPackage("io.jixiao..")
                .should(beAccessedOnlyFromTheirOwnPackage())
                .check(CLASSES);
    }

    @Test
    void noEntityCrossesIntoAnotherDomain() {
        classes()
                .that()
                .resideInAPackage("io.jixiao..")
                .and()
                .resideOutsideOfPackage("io.jixiao.api..")
                .should(notDependOnEntitiesOfOtherPackages())
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notDependOnEntitiesOfOtherPackages() {
        DescribedPredicate<JavaClass> entity =
                DescribedPredicate.describe("an entity", c -> c.isAnnotatedWith(Entity.class));
        return new ArchCondition<>("not depend on entities of another package") {
            @Override
            public void check(JavaClass user, ConditionEvents events) {
                for (Dependency dependency : user.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (entity.test(target) && !target.getPackageName().equals(user.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
