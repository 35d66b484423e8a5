#!/usr/bin/env bash
# Customer pages on Slow 3G (issue 17): starts WalletDesk (embedded H2 in memory, demo data) on 127.0.0.1:$PORT,
# then bench/PageLoadBench.java loads each page in headless Chromium with DevTools network emulation
# (400 ms latency, 400 kbps) cold and warm, and prints a Markdown table (median of RUNS runs).
#   bench/run-page-bench.sh
#   RUNS=5 bench/run-page-bench.sh
#   PAGES=/support,/login bench/run-page-bench.sh                      # some pages only
#   SKIP_BUILD=1 BASE=http://127.0.0.1:8080 bench/run-page-bench.sh   # against an application already running
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18090}
RUNS=${RUNS:-3}
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B -ntp -o compile
fi
CP_FILE=$(mktemp /tmp/walletdesk-page-bench-cp-XXXX)
./mvnw -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" > /dev/null
CP=$(cat "$CP_FILE")
APP=""
if [ -z "${BASE:-}" ]; then
  BASE="http://127.0.0.1:$PORT"
  WORK=$(mktemp -d /tmp/walletdesk-page-bench-XXXX)
  java -Xmx768m -cp "target/classes:$CP" io.walletdesk.WalletDeskApplication \
    --server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN \
    "--spring.datasource.url=jdbc:h2:mem:pagebench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" \
    --walletdesk.secrets.file="$WORK/secrets.properties" --walletdesk.attachments.dir="$WORK/attachments" \
    --walletdesk.status.cache-file="$WORK/status-cache.json" --walletdesk.intake.journal-dir="$WORK/journal" \
    > "$WORK/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    if curl -fs "$BASE/actuator/health" > /dev/null 2>&1; then break; fi
    if ! kill -0 $APP 2>/dev/null; then echo "App failed to start; see $WORK/app.log"; tail -50 "$WORK/app.log"; exit 1; fi
    sleep 1
  done
  echo "WalletDesk up at $BASE (pid $APP, log $WORK/app.log)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Druns="$RUNS" -Dpages="${PAGES:-/,/support,/help,/help/cs-unreachable,/status,/diagnose,/verify,/login}" -cp "$CP" bench/PageLoadBench.java "$BASE"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$CP_FILE"
