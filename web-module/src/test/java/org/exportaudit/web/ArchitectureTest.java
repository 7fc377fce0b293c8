package org.exportaudit.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.StepUpRequired;

/**
 * The pages and the API reach the business components only through their boundaries (and the
 * client's views and the entities that boundaries hand out), never their control classes: the
 * boundary is where the transaction and the caller's roles are checked.
 */
@AnalyzeClasses(packages = "org.exportaudit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule web_only_through_boundaries = noClasses()
            .that().resideInAPackage("org.exportaudit.web..")
            .should().dependOnClassesThat().resideInAPackage("org.exportaudit.*.control..")
            .because("a control class called from the web would run without the boundary's transaction and security");

    @ArchTest
    static final ArchRule web_does_not_use_the_persistence_context = noClasses()
            .that().resideInAPackage("org.exportaudit.web..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
            .because("reading or changing entities is the boundaries' work");

    @ArchTest
    static final ArchRule one_mapper_shows_the_whole_error_contract = classes()
            .that().implement(ExceptionMapper.class)
            .should().haveFullyQualifiedName("org.exportaudit.web.api.ApiErrors")
            .because("a reader finds every status and error body of the API in one class");

    @ArchTest
    static final ArchRule the_mapper_maps_a_refusals_kind_not_its_class = noClasses()
            .that().haveFullyQualifiedName("org.exportaudit.web.api.ApiErrors")
            .should().dependOnClassesThat(assignableTo(Refusal.class).and(not(equivalentTo(Refusal.class)))
                    .and(not(equivalentTo(ExportBlocked.class))).and(not(equivalentTo(StepUpRequired.class))))
            .because("a refusal's kind says its status and its code the error; only a refusal whose body carries"
                    + " more (the policy that blocks, the sign-in to renew) is named");

    @ArchTest
    static final ArchRule pages_ask_the_export_who_may_decide = noClasses()
            .that().resideInAPackage("org.exportaudit.web.pages..")
            .should().callMethod(ExportView.class, "user")
            .because("who may approve, deny or withdraw an export is the export's rule (Decider asks it for the"
                    + " pages), the one the boundary refuses by; a page that compared the requester's name with its"
                    + " user's would decide again, and drift (it once compared them with case, the refusals without)");

    @ArchTest
    static final ArchRule injected_references_survive_passivation = fields()
            .that().areAnnotatedWith(Inject.class)
            .should().notHaveModifier(JavaModifier.TRANSIENT)
            .because("a @ViewScoped bean is serialised with the session; CDI does not inject again after that,"
                    + " so a transient reference would come back null, while EJB and CDI proxies serialise");
}
