#!/usr/bin/env bash
# Configures the unpacked WildFly offline with the CLI scripts, one per concern, in this order
# (the datasource comes first: batch and timers store their state in it). The scripts run on a
# fresh copy of the pristine standalone.xml, so provisioning can run any number of times.
# Offline, the scripts only write their expressions: the values are the server's to have when it
# starts (it refuses to start without them), so the scripts' checks of their required properties
# (the :resolve-expression lines, for a running server) are left out here.
set -euo pipefail
wildfly_home=$1
here=$(cd "$(dirname "$0")" && pwd)
configuration=$wildfly_home/standalone/configuration

# export-audit.xml, one server, from standalone.xml; export-audit-ha.xml, a cluster node, from
# standalone-ha.xml with the same concerns plus cluster.cli (JGroups, mod_cluster, timers);
# export-audit-load-balancer.xml, the balancer in front of them, from standalone-load-balancer.xml.
provision() {
    local config=$1 base=$2; shift 2
    local script=$here/target/provision-${config%.xml}.cli log=$here/target/provision-${config%.xml}.log
    cp "$configuration/$base" "$configuration/$config"
    {
        echo "embed-server --server-config=$config --std-out=discard"
        for concern in "$@"; do
            grep -v '^:resolve-expression' "$here/cli/$concern.cli"
            echo
        done
        echo "stop-embedded-server"
    } > "$script"
    JAVA_OPTS="-Xms64m -Xmx512m" "$wildfly_home/bin/jboss-cli.sh" --file="$script" >"$log" 2>&1 \
        || { cat "$log"; exit 1; }
    echo "Provisioned $configuration/$config"
}
# Java 17's G1 may fail an allocation with OutOfMemoryError while threads sit in JNI critical
# sections, with most of the heap free ("Retried waiting for GCLocker too often"): ten XLSX exports
# deflating at once did (java.util.zip's Deflater holds such sections). Letting the allocation wait
# for the GC a while longer avoids it; Java 22's region pinning (JEP 423) makes it unnecessary.
gc_locker="-XX:+UnlockDiagnosticVMOptions -XX:GCLockerRetryAllocationCount=100"
grep -qF -- "$gc_locker" "$wildfly_home/bin/standalone.conf" \
    || printf '\n# Export Audit (server-config/provision.sh): see there.\nJAVA_OPTS="$JAVA_OPTS %s"\n' "$gc_locker" \
        >>"$wildfly_home/bin/standalone.conf"

provision export-audit.xml standalone.xml datasources batch timers mail oidc ejb-api
provision export-audit-ha.xml standalone-ha.xml datasources cluster batch timers mail oidc ejb-api
provision export-audit-load-balancer.xml standalone-load-balancer.xml load-balancer
