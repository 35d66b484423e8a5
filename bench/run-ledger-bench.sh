#!/usr/bin/env bash
# One command: build, start WalletDesk on a fresh PostgreSQL database, seed 10,000 wallets, run both
# scenarios (uniform P2P; 90% to one merchant) and pgbench tpcb-like with the same client count, print ratios.
#   bench/run-ledger-bench.sh            # 16 clients, 30 s per scenario
#   CLIENTS=32 DURATION=60 bench/run-ledger-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-16}
SECONDS_PER_RUN=${DURATION:-30}
ACCOUNTS=${ACCOUNTS:-10000}
PORT=${PORT:-18080}
DB=walletdesk_bench
PG="-h 127.0.0.1 -U postgres"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B -DskipTests package
fi
JAR=target/walletdesk.jar
PGJDBC=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)

dropdb $PG --if-exists "$DB"
createdb $PG "$DB"

LOG=$(mktemp /tmp/walletdesk-bench-XXXX.log)
# A fresh database per run, so fresh secrets per run (a configured database refuses to start without them).
export WALLETDESK_DATA_KEY="$(head -c 32 /dev/urandom | base64)" WALLETDESK_PIN_PEPPER="$(head -c 32 /dev/urandom | base64)" \
  WALLETDESK_BANK_CALLBACK_SECRET="$(head -c 32 /dev/urandom | base64)"
WALLETDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" WALLETDESK_DB_USER=postgres WALLETDESK_DEMO_DATA=false \
WALLETDESK_DB_POOL=${POOL:-24} \
java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --logging.level.root=WARN \
  --walletdesk.wallet.rules.max-new-recipients=1000000000 \
  --walletdesk.wallet.rules.new-device-large-amount=1000000000000 \
  --server.tomcat.threads.max=${TOMCAT_THREADS:-64} ${APP_ARGS:-} \
  > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "App failed to start; see $LOG"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done
echo "WalletDesk up on port $PORT (log $LOG)"

java -cp "$PGJDBC" -Daccounts="$ACCOUNTS" -Dclients="$CLIENTS" -Dseconds="$SECONDS_PER_RUN" \
  -Dbase="http://127.0.0.1:$PORT" -Djdbc="jdbc:postgresql://127.0.0.1:5432/$DB" bench/LedgerBench.java

echo "Deadlocks logged by PostgreSQL or the app during the run:"
grep -ci "deadlock" "$LOG" || true
