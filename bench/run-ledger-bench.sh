#!/usr/bin/env bash
# One command: build, start WalletDesk on a fresh PostgreSQL database, seed 10,000 wallets, run both scenarios
# (uniform P2P; 90% to one merchant) with wrk at 16 and at 256 keep-alive clients, check the ledger's invariants,
# run pgbench tpcb-like with 16 clients on the same server, print CPU per transfer and the ratios.
#   bench/run-ledger-bench.sh                     # 16 and 256 clients, 30 s per scenario
#   DURATION=60 CLIENT_COUNTS="16" bench/run-ledger-bench.sh
#   SKIP_BUILD=1 bench/run-ledger-bench.sh        # reuse target/walletdesk.jar
#   PROFILE=1 ...                                 # JFR recording of the app during uniform (target/ledger-bench.jfr)
# The last line is: ratio-to-pgbench uniform=<r> hot=<r>   (16 clients, pgbench measured in this run)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then   # the load driver (Debian package)
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
CLIENT_COUNTS=${CLIENT_COUNTS:-"16 256"}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-16}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-60}
ACCOUNTS=${ACCOUNTS:-10000}
PORT=${PORT:-18080}
DB=walletdesk_bench
PGDB=walletdesk_pgbench
PG="-h 127.0.0.1 -U postgres"
TICK=$(getconf CLK_TCK)

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
JAR=${JAR:-target/walletdesk.jar}
PGJDBC=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)
WORK=$(mktemp -d /tmp/walletdesk-bench-XXXX)
LOG=$WORK/app.log

dropdb $PG --if-exists "$DB"
createdb $PG "$DB"

# A fresh database per run, so fresh secrets per run (a configured database refuses to start without them).
export WALLETDESK_DATA_KEY="$(head -c 32 /dev/urandom | base64)" WALLETDESK_PIN_PEPPER="$(head -c 32 /dev/urandom | base64)" \
  WALLETDESK_BANK_CALLBACK_SECRET="$(head -c 32 /dev/urandom | base64)" WALLETDESK_PUBLIC_BASE_URL="http://127.0.0.1:$PORT"
PROFILE_OPTS=""
if [ "${PROFILE:-0}" = "1" ]; then PROFILE_OPTS="-XX:FlightRecorderOptions:stackdepth=256"; fi
WALLETDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" WALLETDESK_DB_USER=postgres WALLETDESK_DEMO_DATA=false \
WALLETDESK_DB_POOL=${POOL:-24} \
java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} $PROFILE_OPTS -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --logging.level.root=WARN \
  --walletdesk.wallet.rules.max-new-recipients=1000000000 \
  --walletdesk.wallet.rules.new-device-large-amount=1000000000000 \
  --server.tomcat.threads.max=${TOMCAT_THREADS:-64} ${APP_ARGS:-} \
  > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "App failed to start; see $LOG"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done
echo "WalletDesk up on port $PORT (pid $APP, log $LOG)"

java -cp "$PGJDBC" -Daccounts="$ACCOUNTS" -Dpepper="$WALLETDESK_PIN_PEPPER" -Dout="$WORK/wallets.csv" \
  -Djdbc="jdbc:postgresql://127.0.0.1:5432/$DB" bench/LedgerBench.java

# CPU ticks (user + system) of a process; of PostgreSQL = the backends of the bench database plus the
# server's WAL writer, checkpointer and background writer (other databases' backends are not counted).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local total=0 pid cmd
  for pid in $(pgrep -x postgres); do
    cmd=$( { tr "\0" " " < "/proc/$pid/cmdline"; } 2>/dev/null || true)
    case "$cmd" in
      *" $DB "*|*walwriter*|*checkpointer*|*"background writer"*) total=$((total + $(ticks "$pid"))) ;;
    esac
  done
  echo $total
}
deadlocks() { psql $PG -Atc "SELECT deadlocks FROM pg_stat_database WHERE datname = '$DB'"; }

# wrk with the Lua driver; prints its RESULT line and, on the next line, wrk's own CPU ticks.
drive() { # clients seconds hot-percent
  local threads=2
  [ "$1" -lt 2 ] && threads=1
  ( WALLETS="$WORK/wallets.csv" HOT_PERCENT=$3 RUN_ID="r$RANDOM$RANDOM" \
      wrk -t "$threads" -c "$1" -d "${2}s" --timeout 30s -s bench/ledger/transfers.lua "http://127.0.0.1:$PORT" \
      | grep '^RESULT'
    awk '{print "DRIVER_TICKS", $16 + $17}' /proc/$BASHPID/stat )
}

# Start-up work in the background (the help-centre search index, the intent model) must not be billed to
# transfers: wait (at most 180 s) until the app uses less than 10% of a core over 3 s.
for _ in $(seq 1 60); do
  t0=$(ticks $APP); sleep 3; t1=$(ticks $APP)
  [ $(( (t1 - t0) * 100 / (3 * TICK) )) -lt 10 ] && break
done
echo "App idle after start-up: $(( (t1 - t0) * 1000 / (3 * TICK) )) ms CPU per second in the background (load $(cut -d' ' -f1-3 /proc/loadavg))"

echo "Warm-up ${WARMUP}s (16 clients, mixed)"
drive 16 "$WARMUP" 50 > /dev/null
# The seeded tables start empty (one opening entry); statistics taken then make PostgreSQL plan foreign-key
# checks and look-ups on journal_entry, wallet_transaction and wallet_payee as sequential scans, which grow with
# every transfer. A running system's tables are never empty: analyse once the warm-up has filled them (as
# pgbench -i vacuums and analyses after loading).
psql $PG -d "$DB" -qc "ANALYZE" > /dev/null

declare -A RATE
SUMMARY=()
DEADLOCKS_BEFORE=$(deadlocks)
for clients in $CLIENT_COUNTS; do
  for scenario in uniform hot; do
    hot=0; [ "$scenario" = hot ] && hot=90
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    if [ "${PROFILE:-0}" = "1" ] && [ "$scenario" = uniform ] && [ "$clients" = "$(echo $CLIENT_COUNTS | cut -d' ' -f1)" ]; then
      jcmd $APP JFR.start name=bench settings=profile duration=${DURATION}s filename="$PWD/target/ledger-bench.jfr" > /dev/null
    fi
    a0=$(ticks $APP); p0=$(pg_ticks)
    out=$(drive "$clients" "$DURATION" "$hot")
    a1=$(ticks $APP); p1=$(pg_ticks)
    load_after=$(cut -d' ' -f1 /proc/loadavg)
    result=$(echo "$out" | grep '^RESULT')
    dticks=$(echo "$out" | awk '/^DRIVER_TICKS/ {print $2}')
    okn=$(echo "$result" | sed -E 's/.* ok=([0-9]+).*/\1/')
    rate=$(echo "$result" | sed -E 's/.* rate=([0-9.]+).*/\1/')
    RATE[$scenario-$clients]=$rate
    cpu=$(awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v d="$dticks" -v n="$okn" -v t="$TICK" \
      'BEGIN { if (n == 0) n = 1; printf "cpu-ms/transfer app=%.2f postgres=%.2f driver=%.2f total=%.2f", a*1000/t/n, p*1000/t/n, d*1000/t/n, (a+p+d)*1000/t/n }')
    line=$(printf "%-8s %3d clients: %s | %s | load %s -> %s" "$scenario" "$clients" "${result#RESULT }" "$cpu" "$load_before" "$load_after")
    echo "$line"
    SUMMARY+=("$line")
  done
done
DEADLOCKS=$(( $(deadlocks) - DEADLOCKS_BEFORE ))

echo "Invariants (each must be 0):"
psql $PG -d "$DB" -At -F ' ' <<'SQL'
SELECT 'sum-of-all-postings', COALESCE(SUM(amount), 0) FROM posting;
SELECT 'unbalanced-entries', COUNT(*) FROM (SELECT entry_id FROM posting GROUP BY entry_id HAVING SUM(amount) <> 0) e;
SELECT 'balances-not-equal-to-postings', COUNT(*) FROM ledger_account a
  LEFT JOIN (SELECT account_id, SUM(amount) s, COUNT(*) c FROM posting GROUP BY account_id) p ON p.account_id = a.id
  WHERE a.balance <> COALESCE(p.s, 0);
SELECT 'negative-customer-balances', COUNT(*) FROM ledger_account WHERE floor_amount IS NOT NULL AND balance - held < floor_amount;
SELECT 'transactions-without-entry', COUNT(*) FROM wallet_transaction t WHERE t.status = 'COMPLETED'
  AND t.kind IN ('TRANSFER', 'PAYMENT') AND NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.transaction_id = t.id);
SQL
echo "deadlocks $DEADLOCKS (pg_stat_database), app log: $(grep -ci deadlock "$LOG" || true)"

kill $APP 2>/dev/null || true
wait $APP 2>/dev/null || true
trap - EXIT

dropdb $PG --if-exists "$PGDB"
createdb $PG "$PGDB"
pgbench $PG -i -q -s "$(( PGBENCH_CLIENTS > 10 ? PGBENCH_CLIENTS : 10 ))" "$PGDB" > /dev/null 2>&1
PGB=$(pgbench $PG -b tpcb-like -c "$PGBENCH_CLIENTS" -j 2 -T "$DURATION" "$PGDB" 2>&1)
dropdb $PG --if-exists "$PGDB"
TPS=$(echo "$PGB" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
PGLAT=$(echo "$PGB" | sed -nE 's/^latency average = (.*)/\1/p')
echo
echo "Machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "pgbench tpcb-like, $PGBENCH_CLIENTS clients, ${DURATION}s: $TPS TPS (latency average $PGLAT)"
for line in "${SUMMARY[@]}"; do echo "$line"; done
first=$(echo $CLIENT_COUNTS | cut -d' ' -f1)
for clients in $CLIENT_COUNTS; do
  [ "$clients" = "$first" ] && continue
  awk -v u="${RATE[uniform-$clients]}" -v u0="${RATE[uniform-$first]}" -v h="${RATE[hot-$clients]}" -v h0="${RATE[hot-$first]}" -v c=$clients -v f=$first \
    'BEGIN { printf "%d clients vs %d: uniform %.2f hot %.2f of the throughput\n", c, f, u/u0, h/h0 }'
done
awk -v u="${RATE[uniform-$first]}" -v h="${RATE[hot-$first]}" -v t="$TPS" \
  'BEGIN { printf "ratio-to-pgbench uniform=%.2f hot=%.2f\n", u/t, h/t }'
