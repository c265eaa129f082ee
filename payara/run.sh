#!/usr/bin/env bash
# Builds Hookline and starts it on Payara Micro at http://localhost:8080 with the embedded defaults:
# H2 under ./data (kept across restarts) and an embedded ActiveMQ broker. Configuration comes from the
# environment through MicroProfile Config (e.g. HOOKLINE_DATASOURCE_URL=jdbc:postgresql://...).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
mkdir -p data
export HOOKLINE_BIND_ADDRESS="${HOOKLINE_BIND_ADDRESS:-127.0.0.1}"
# Requests served at once; more wait in the listener's queue. Payara's default (200) lets a burst of API requests
# crowd the delivery pipeline's threads and the 32 database connections out of a small machine (README, Benchmarks).
export HOOKLINE_HTTP_THREADS="${HOOKLINE_HTTP_THREADS:-16}"
exec java ${JAVA_OPTS:--Xmx512m} -jar target/payara/payara-micro.jar \
    --nocluster --nohazelcast --disablephonehome --rootdir data/payara \
    --port "${HOOKLINE_PORT:-8080}" \
    --prebootcommandfile target/payara/pre-boot.asadmin \
    --postbootcommandfile target/payara/post-boot.asadmin \
    --deploy target/hookline.war --contextroot /
