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
script=$here/target/provision.cli

cp "$configuration/standalone.xml" "$configuration/export-audit.xml"
{
    echo "embed-server --server-config=export-audit.xml --std-out=discard"
    for concern in datasources batch timers mail oidc ejb-api; do
        grep -v '^:resolve-expression' "$here/cli/$concern.cli"
        echo
    done
    echo "stop-embedded-server"
} > "$script"
JAVA_OPTS="-Xms64m -Xmx512m" "$wildfly_home/bin/jboss-cli.sh" --file="$script" >"$here/target/provision.log" 2>&1 \
    || { cat "$here/target/provision.log"; exit 1; }
echo "Provisioned $configuration/export-audit.xml"
