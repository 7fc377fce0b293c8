#!/usr/bin/env bash
# Gives the integration tests a server of their own: a fresh copy of the provisioned standalone/
# (configuration, empty data) and, on PostgreSQL, an empty test database.
#   prepare-it-server.sh <wildfly home> <base dir to create> <h2|postgresql> <test database>
set -euo pipefail
wildfly_home="$1" base_dir="$2" db="$3" database="$4"

rm -rf "$base_dir"
mkdir -p "$(dirname "$base_dir")"
cp -a "$wildfly_home/standalone" "$base_dir"
rm -rf "$base_dir/data" "$base_dir/log" "$base_dir/tmp" "$base_dir/deployments"/*

if [[ "$db" == postgresql ]]; then
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" \
    -c "CREATE DATABASE $database"
  echo "Empty PostgreSQL database $database on 127.0.0.1:5432"
fi
echo "Integration test server base dir: $base_dir ($db)"
