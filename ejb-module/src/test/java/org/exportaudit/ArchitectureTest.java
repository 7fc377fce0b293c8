package org.exportaudit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.event.Event;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.Refusal;
import org.exportaudit.export.control.ExportViews;
import org.exportaudit.export.control.PolicyCheck;
import org.exportaudit.export.control.PolicyGate;
import org.exportaudit.export.control.Requesters;
import org.exportaudit.export.control.SourceCounts;
import org.exportaudit.export.entity.Export;
import org.exportaudit.identity.control.RecentSignIn;

/**
 * The dependency directions of the business components (org.exportaudit.&lt;component&gt;), so that
 * the map a reader draws from the package names stays true.
 */
@AnalyzeClasses(packages = "org.exportaudit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule business_components_depend_on_each_other_without_cycles = slices()
            .matching("org.exportaudit.(*)..").namingSlices("component $1")
            .should().beFreeOfCycles()
            .because("a component that needs another's rule asks the component that owns it"
                    + " (the download window is the export's, retention uses it)");

    @ArchTest
    static final ArchRule boundary_calls_control_calls_entity = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("boundary").definedBy("org.exportaudit.*.boundary..")
            .layer("control").definedBy("org.exportaudit.*.control..")
            .layer("entity").definedBy("org.exportaudit.*.entity..")
            .whereLayer("boundary").mayNotBeAccessedByAnyLayer()
            .whereLayer("control").mayOnlyBeAccessedByLayers("boundary")
            .whereLayer("entity").mayOnlyBeAccessedByLayers("boundary", "control")
            .because("entities depend on nothing above them; transactions and security sit on the boundary only");

    @ArchTest
    static final ArchRule entities_do_not_build_what_clients_see = noClasses()
            .that().resideInAPackage("org.exportaudit.*.entity..")
            .should().dependOnClassesThat(resideInAPackage("org.exportaudit.client")
                    .and(not(assignableTo(Throwable.class))))
            .because("the boundary maps entities to the client's views; an entity may throw the client's"
                    + " exceptions, which are part of the contract");

    @ArchTest
    static final ArchRule events_say_what_they_fire = fields().that().haveRawType(Event.class)
            .should(new ArchCondition<JavaField>("name the event type they fire, not Object") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    boolean typed = field.getType() instanceof JavaParameterizedType parameterized
                            && !parameterized.getActualTypeArguments().get(0).toErasure().isEquivalentTo(Object.class);
                    if (!typed) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " can fire anything"));
                    }
                }
            })
            .because("a typed Event shows a reader, and the compiler, which observers a publisher reaches");

    @ArchTest
    static final ArchRule refusals_live_in_the_client_package = classes()
            .that().areAssignableTo(Refusal.class)
            .should().resideInAPackage("org.exportaudit.client")
            .because("a refusal is one type with a kind and a code, made by its factories; a subclass only where it"
                    + " carries data, commits, or is a type the host API documents, all of which hosts compile against");

    @ArchTest
    static final ArchRule the_policy_gate_decides_on_requests = classes()
            .that().areAssignableTo(PolicyCheck.class).or().areAssignableTo(Requesters.class)
            .or().areAssignableTo(SourceCounts.class).or().areAssignableTo(RecentSignIn.class)
            .should().onlyBeAccessed().byClassesThat(assignableTo(PolicyGate.class)
                    .or(assignableTo(PolicyCheck.class)).or(assignableTo(Requesters.class))
                    .or(assignableTo(SourceCounts.class)).or(assignableTo(RecentSignIn.class)))
            .because("what becomes of an export request (count, lock, rule, step-up) is decided in one control;"
                    + " the boundary stores the export and fires what the verdict says");

    @ArchTest
    static final ArchRule one_mapping_of_an_export_to_its_view = noClasses()
            .that(not(assignableTo(ExportViews.class)))
            .should().callConstructorWhere(JavaCall.Predicates.target(
                    HasOwner.Predicates.With.owner(assignableTo(ExportView.class))))
            .because("REST, the pages and the host API see an export the same way: ExportViews maps it");

    @ArchTest
    static final ArchRule one_answer_to_who_may_see_an_export = noClasses()
            .that().resideInAPackage("org.exportaudit.*.boundary..")
            .should().callMethod(Export.class, "isVisibleTo", String.class, boolean.class)
            .because("\"the export if the caller may see it, else not found\" is answered once (VisibleExports),"
                    + " for every boundary that finds an export for its caller");
}
