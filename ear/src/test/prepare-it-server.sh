#!/usr/bin/env bash
# Gives the integration tests servers of their own: fresh copies of the provisioned standalone/
# (configuration, no data) for the main test server and for the one CrashRecoveryIT kills, and,
# on PostgreSQL, an empty database for each. The main server also gets the test sources
# (it-sources.json) beside the demo's, in <base dir>/configuration/it-server.properties.
#   prepare-it-server.sh <wildfly home> <base dir to create> <h2|postgresql> <test database> <it-sources.json>
set -euo pipefail
wildfly_home="$1" base_dir="$2" db="$3" database="$4" test_sources="$5"

for dir in "$base_dir" "$base_dir-crash"; do
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  cp -a "$wildfly_home/standalone" "$dir"
  rm -rf "$dir/data" "$dir/log" "$dir/tmp" "$dir/deployments"/*
done

# The users of the host application that HostApplicationIT deploys: they sign in with the server's
# ApplicationDomain, which the EJB API for host applications trusts (server-config/cli/ejb-api.cli).
add_host_user() {
  JAVA_OPTS="-Xmx64m" "$wildfly_home/bin/add-user.sh" -a -s -sc "$base_dir/configuration" \
    -u "$1" -p "$1-host-1" ${2:+-g "$2"}
}
add_host_user alice super-admin,export
add_host_user bob export
add_host_user erin export
add_host_user carl
# Keycloak's sam written as another domain may write him: four eyes must still know him (HostPoliciesIT)
add_host_user Sam super-admin,export

# The demo's sources and the test sources of this database, in one file the server reads at its start
demo_sources="$(dirname "$0")/../../../ejb-module/src/main/resources/export-sources.json"
python3 - "$demo_sources" "$test_sources" "$db" "$base_dir/configuration/it-sources.json" <<'PY'
import json, sys
demo, tests, db, out = sys.argv[1:]
with open(demo) as d, open(tests) as t:
    sources = json.load(d)["sources"] + json.load(t)[db]
with open(out, "w") as o:
    json.dump({"sources": sources}, o, indent=1)
PY
echo "export-audit.sources=$base_dir/configuration/it-sources.json" > "$base_dir/configuration/it-server.properties"

# H2 has no sleep of its own: the slow test sources call IT_PAUSE, an alias of Thread.sleep(long),
# made once in the main test server's database before the server first opens it (made by each
# connection as it opens, two at once clash: "object already exists")
if [[ "$db" == h2 ]]; then
  config="$(dirname "$0")/../../../server-config"
  property() { sed -n "s/^$1=//p" "$config/db/h2.properties" "$config/demo.properties" | head -1; }
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$(ls "$wildfly_home"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar)" \
    org.h2.tools.Shell -url "jdbc:h2:file:$base_dir/data/export-audit/h2" \
    -user "$(property export-audit.db.user)" -password "$(property export-audit.db.password)" \
    -sql "CREATE ALIAS IT_PAUSE FOR 'java.lang.Thread.sleep(long)'"
fi

if [[ "$db" == postgresql ]]; then
  for name in "$database" "${database}_crash"; do
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" \
      -c "CREATE DATABASE $name"
  done
  echo "Empty PostgreSQL databases $database and ${database}_crash on 127.0.0.1:5432"
fi
echo "Integration test servers: $base_dir and $base_dir-crash ($db)"
