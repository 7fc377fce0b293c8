package org.exportaudit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
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
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.exportaudit.client.ExportAwaitingApproval;
import org.exportaudit.client.ExportOperations;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.ExportsLocal;
import org.exportaudit.client.ExportsRemote;
import org.exportaudit.client.NotTheRequester;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ExportViews;
import org.exportaudit.export.control.ExportGate;
import org.exportaudit.export.control.SourceCounts;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.identity.control.RecentSignIn;
import org.exportaudit.lease.control.ExportLeases;
import org.exportaudit.lease.control.ExportTakeovers;
import org.exportaudit.policy.control.PolicyCheck;
import org.exportaudit.policy.control.PolicyGate;
import org.exportaudit.policy.control.Requesters;
import org.exportaudit.policy.entity.ExportPolicy;
import org.exportaudit.policy.control.PolicyCheck;
import org.exportaudit.policy.control.PolicyGate;
import org.exportaudit.policy.control.Requesters;

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
            .layer("view").definedBy("org.exportaudit.*.view..")
            .layer("entity").definedBy("org.exportaudit.*.entity..")
            .whereLayer("boundary").mayNotBeAccessedByAnyLayer()
            .whereLayer("control").mayOnlyBeAccessedByLayers("boundary")
            .whereLayer("view").mayOnlyBeAccessedByLayers("boundary", "control")
            .whereLayer("entity").mayOnlyBeAccessedByLayers("boundary", "control", "view")
            .because("entities depend on nothing above them; transactions and security sit on the boundary only;"
                    + " a view is what a boundary hands the pages, made by its controls from entities");

    @ArchTest
    static final ArchRule entities_do_not_build_what_clients_see = noClasses()
            .that().resideInAPackage("org.exportaudit.*.entity..")
            .should().dependOnClassesThat(resideInAPackage("org.exportaudit.client")
                    .and(not(assignableTo(Throwable.class)))
                    .and(not(equivalentTo(PolicyTerms.class).or(equivalentTo(PolicyAction.class))
                            .or(equivalentTo(PolicyMeasure.class)))))
            .because("the boundary maps entities to the client's views; an entity may throw the client's"
                    + " exceptions, which are part of the contract, and hold a policy's terms, a value the host"
                    + " API's refusals carry and an export stores as it read (Export.policyTerms)");

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

    @ArchTest
    static final ArchRule the_export_refuses_who_may_not_decide = noClasses()
            .that(not(equivalentTo(Export.class)))
            .should().callConstructor(NotTheRequester.class, long.class)
            .because("who may approve, deny or withdraw an export is the export's rule (Deciders, which"
                    + " Deciders.mayBeDecided and mayBeWithdrawn answer by); it refuses by that rule, and the pages ask"
                    + " the same (Decider): a boundary that compared names itself would be a second place to keep in"
                    + " step");

    @ArchTest
    static final ArchRule the_export_engine_knows_no_policy = noClasses()
            .that().resideInAPackage("org.exportaudit.export..")
            .should().dependOnClassesThat().resideInAPackage("org.exportaudit.policy..")
            .because("an export request passes the ExportGate, which the policies component keeps: the rules of who"
                    + " may export how much are read, changed and applied in one component");

    @ArchTest
    static final ArchRule the_policies_are_a_component_of_their_own = classes()
            .that().areAssignableTo(ExportPolicy.class).or().areAssignableTo(PolicyCheck.class)
            .or().areAssignableTo(Requesters.class).or().implement(ExportGate.class)
            .should().resideInAPackage("org.exportaudit.policy..")
            .because("a newcomer looking for the export policies finds them, and only them, in policy");

    @ArchTest
    static final ArchRule file_encoders_live_together = classes()
            .that().areAssignableTo(RecordFile.class)
            .should().resideInAPackage("org.exportaudit.export.encoder")
            .because("how a CSV or XLSX file is written is one package, apart from the batch job that feeds it");

    @ArchTest
    static final ArchRule file_encoders_know_bytes_and_cells_not_exports = noClasses()
            .that().resideInAPackage("org.exportaudit.export.encoder")
            .should().dependOnClassesThat(DescribedPredicate.describe("our classes but the encoders and a column's"
                    + " declaration and type, or a file's format", type -> {
                        JavaClass used = type.getBaseComponentType();
                        return used.getPackageName().startsWith("org.exportaudit")
                                && !used.getPackageName().equals("org.exportaudit.export.encoder")
                                && !used.isEquivalentTo(Column.class) && !used.isEquivalentTo(Column.Type.class)
                                && !used.isEquivalentTo(ExportFormat.class);
                    }))
            .because("an encoder turns a source's columns and rows into a file's bytes; it neither reads the"
                    + " database nor changes an export, so it can be measured and tested alone (bin/bench)");

    @ArchTest
    static final ArchRule the_cluster_leases_are_a_component_of_their_own = classes()
            .that().areAssignableTo(ExportLeases.class).or().areAssignableTo(ExportTakeovers.class)
            .should().resideInAPackage("org.exportaudit.lease..")
            .because("which node runs an export and who takes it over when that node dies is the cluster's"
                    + " concern, not the export engine's");

    @ArchTest
    static final ArchRule the_export_engine_knows_no_lease_keeper = noClasses()
            .that().resideInAPackage("org.exportaudit.export..")
            .should().dependOnClassesThat().resideInAPackage("org.exportaudit.lease..")
            .because("an export carries its lease (Export.runBy, takeOver, handBack); the lease component renews,"
                    + " hands back and takes over, so the engine runs the same on one node or many");

    @ArchTest
    static final ArchRule the_host_api_jar_holds_the_host_api = classes()
            .that().resideInAPackage("org.exportaudit.client")
            .should(new ArchCondition<JavaClass>("be reached from the host API (ExportOperations, its local and"
                    + " remote views, and the refusals they throw)") {
                private Set<JavaClass> reached;

                @Override
                public void init(Collection<JavaClass> client) {
                    reached = hostApi(client);
                }

                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (!reached.contains(type) && !type.getSimpleName().equals("package-info")) {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                                + " is not used by the host API: it belongs with the component whose pages use it"));
                    }
                }
            })
            .because("client/ is the ejb-client jar that host applications compile against; a view only the pages"
                    + " use (the audit page, a notice, a receiver, a policy) lives with its component (…view)");

    /**
     * The client classes the host API reaches: from its interfaces, every refusal it may throw, the roles a host
     * grants its callers and what the host API's own bean (host-api's HostExports) throws instead of holding an
     * export, the client classes they use, and what those use in turn (a view's nested types, a refusal's texts).
     */
    private static Set<JavaClass> hostApi(Collection<JavaClass> client) {
        Deque<JavaClass> toVisit = new ArrayDeque<>();
        client.stream().filter(type -> type.isEquivalentTo(ExportOperations.class) || type.isEquivalentTo(ExportsLocal.class)
                || type.isEquivalentTo(ExportsRemote.class) || type.isAssignableTo(Refusal.class)
                || type.isEquivalentTo(Roles.class) || type.isEquivalentTo(ExportAwaitingApproval.class))
                .forEach(toVisit::add);
        Set<JavaClass> reached = new HashSet<>();
        while (!toVisit.isEmpty()) {
            JavaClass type = toVisit.pop();
            if (type.getPackageName().equals("org.exportaudit.client") && reached.add(type)) {
                type.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                        .map(JavaClass::getBaseComponentType).forEach(toVisit::add);
            }
        }
        return reached;
    }
}
