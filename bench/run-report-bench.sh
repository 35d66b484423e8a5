#!/usr/bin/env bash
# Report speed on a year of data: starts WalletDesk on a fresh PostgreSQL database, loads 1,000,000
# conversations' report facts (and 20,000 complaints) spread over 365 days, signs in as the demo
# supervisor and times the report page over the whole year (and a 30-day range), 20 requests each.
#   bench/run-report-bench.sh                 # builds the jar first
#   SKIP_BUILD=1 ROWS=1000000 bench/run-report-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
PORT=${PORT:-18081}
DB=walletdesk_report_bench
PG="-h 127.0.0.1 -U postgres"
BASE="http://127.0.0.1:$PORT"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B -DskipTests package
fi
JAR=target/walletdesk.jar
dropdb $PG --if-exists "$DB"
createdb $PG "$DB"

LOG=$(mktemp /tmp/walletdesk-report-bench-XXXX.log)
WALLETDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" WALLETDESK_DB_USER=postgres \
java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN \
  > "$LOG" 2>&1 &
APP=$!
COOKIES=$(mktemp)
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -f "$COOKIES"' EXIT
for _ in $(seq 1 120); do
  if curl -fs "$BASE/actuator/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "App failed to start; see $LOG"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done

echo "Loading $ROWS conversations over 365 days..."
psql $PG -d "$DB" -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO report_conversations (conversation_id, started_at, started_day, channel, first_response_seconds,
  resolved_at, resolution_seconds, sla_breached, rating)
SELECT g, d, CAST(d AS DATE), (ARRAY['CHAT','EMAIL','WEB_FORM','PHONE','WHATSAPP'])[1 + g % 5],
  CASE WHEN g % 10 < 9 THEN 60 + (g * 7919) % 7200 END,
  CASE WHEN g % 10 < 8 THEN d + interval '3 hours' END,
  CASE WHEN g % 10 < 8 THEN 600 + (g * 104729) % 172800 END,
  g % 17 = 0, CASE WHEN g % 4 = 0 THEN 1 + g % 5 END
FROM (SELECT g, now() - ((g % 365) * interval '1 day') - ((g % 1440) * interval '1 minute') AS d
      FROM generate_series(1::bigint, $ROWS) g) s;
INSERT INTO report_complaints (complaint_id, filed_day, category)
SELECT g, CAST(now() - ((g % 365) * interval '1 day') AS DATE),
  (ARRAY['TOP_UP','PAYMENT','TRANSFER','ACCOUNT_LOCK','FRAUD','FEES','SERVICE_QUALITY','OTHER'])[1 + g % 8]
FROM generate_series(1::bigint, $((ROWS / 50))) g;
ANALYZE report_conversations; ANALYZE report_complaints;
SQL

# Sign in as the demo supervisor with the (masked) CSRF token of the sign-in form.
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="\([^"]*\)"/\1/')
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -X POST "$BASE/login" \
  --data-urlencode "_csrf=$TOKEN" --data-urlencode "identifier=supervisor@walletdesk.local" \
  --data-urlencode "password=awasi-antrian-layanan-31"

time_page() {
  local label=$1 query=$2 times=()
  for _ in $(seq 1 20); do
    local t
    t=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code} %{time_total}' "$BASE/staff/reporting?$query")
    [ "${t%% *}" = "200" ] || { echo "HTTP ${t%% *} for $label"; exit 1; }
    times+=("${t##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{a[NR]=$1} END {
    printf "%-28s p50 %4.0f ms   p95 %4.0f ms   max %4.0f ms\n", label, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d '364 days ago' +%F)
MONTH_AGO=$(date -u -d '29 days ago' +%F)
echo "Report page on PostgreSQL with $ROWS conversations:"
time_page "whole year (365 days)" "from=$YEAR_AGO&to=$TODAY"
time_page "last 30 days" "from=$MONTH_AGO&to=$TODAY"
