#!/usr/bin/env bash
# Report speed on a year of data: starts WalletDesk (target/walletdesk.jar) on a fresh PostgreSQL database,
# loads 1,000,000 conversations' report facts spread over 365 days (channels, first intents, teams, response
# and resolution times, missed targets, ratings), their daily sums, and 20,000 complaints with deadlines,
# signs in as the demo supervisor and times every report page (and the CSVs) over the whole year and over
# 30 days, 20 requests each.
#   bench/run-report-bench.sh                 # builds the jar first
#   SKIP_BUILD=1 ROWS=1000000 bench/run-report-bench.sh
#   REQUESTS=50 bench/run-report-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
REQUESTS=${REQUESTS:-20}
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
# A fresh database per run, so fresh secrets per run (a configured database refuses to start without them).
export WALLETDESK_DATA_KEY="$(head -c 32 /dev/urandom | base64)" WALLETDESK_PIN_PEPPER="$(head -c 32 /dev/urandom | base64)" \
  WALLETDESK_BANK_CALLBACK_SECRET="$(head -c 32 /dev/urandom | base64)" WALLETDESK_PUBLIC_BASE_URL="http://127.0.0.1:$PORT"
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
LOAD_START=$(date +%s)
psql $PG -d "$DB" -q -v ON_ERROR_STOP=1 <<SQL
-- Ids far above the app's own (demo data), so its listeners never meet these rows. Day, channel, intent and
-- team vary independently (divisors 1, 365, 1825, 40150), so every day has every combination: the daily sums
-- get their largest possible size, about 120,000 rows for a year.
INSERT INTO report_conversations (conversation_id, reference, started_at, started_day, channel, intent, intent_seq,
  team_id, first_response_seconds, resolved_at, resolution_seconds, sla_breached, breached_target, rating)
SELECT 1000000000 + g, 'WD-' || (10000 + g), d, CAST(d AT TIME ZONE 'Asia/Jakarta' AS DATE),
  (ARRAY['CHAT','EMAIL','WEB_FORM','PHONE','WHATSAPP'])[1 + (g / 365) % 5],
  (ARRAY['topup_failed','topup_not_received','payment_failed','transfer_failed','transfer_not_received',
    'wrong_recipient','refund','account_locked','verify_identity','forgot_pin','security_settings',
    'unauthorized_transaction','phishing_report','change_contact','limits_fees','app_problem','complaint',
    'service_hours','human_agent','out_of_scope','cs_unreachable', NULL])[1 + (g / 1825) % 22],
  CASE WHEN (g / 1825) % 22 < 21 THEN 1 END,
  NULLIF((g / 40150) % 3, 0),
  CASE WHEN g % 10 < 9 THEN 60 + (g * 7919) % 7200 END,
  CASE WHEN g % 10 < 8 THEN d + interval '3 hours' END,
  CASE WHEN g % 10 < 8 THEN 600 + (g * 104729) % 172800 END,
  g % 17 = 0, CASE WHEN g % 17 = 0 THEN (ARRAY['FIRST_RESPONSE','NEXT_RESPONSE','RESOLUTION'])[1 + g % 3] END,
  CASE WHEN g % 4 = 0 THEN 1 + (g / 4) % 5 END
FROM (SELECT g, now() - ((g % 365) * interval '1 day') - ((g % 1440) * interval '1 minute') AS d
      FROM generate_series(1::bigint, $ROWS) g) s;
-- The daily sums the listeners keep in step, built once from the facts (the rules of ConversationFact.sums()).
INSERT INTO report_daily (started_day, channel, intent, team_id, conversations, answered, first_response_sum,
    first_response_on_time, resolved, resolution_sum, resolved_on_time, breached, rating_1, rating_2, rating_3,
    rating_4, rating_5)
SELECT started_day, channel, COALESCE(intent, ''), COALESCE(team_id, 0), COUNT(*), COUNT(first_response_seconds),
    COALESCE(SUM(first_response_seconds), 0),
    SUM(CASE WHEN first_response_seconds IS NOT NULL AND (breached_target IS NULL OR breached_target <> 'FIRST_RESPONSE')
        THEN 1 ELSE 0 END),
    COUNT(resolved_at), COALESCE(SUM(CASE WHEN resolved_at IS NOT NULL THEN resolution_seconds ELSE 0 END), 0),
    SUM(CASE WHEN resolved_at IS NOT NULL AND NOT sla_breached THEN 1 ELSE 0 END),
    SUM(CASE WHEN sla_breached THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END)
FROM report_conversations GROUP BY started_day, channel, COALESCE(intent, ''), COALESCE(team_id, 0);
INSERT INTO report_complaints (complaint_id, filed_day, category, filed_at, acknowledge_due, answer_due,
  acknowledged_at, answered_at, extended)
SELECT 1000000000 + g, CAST(d AT TIME ZONE 'Asia/Jakarta' AS DATE),
  (ARRAY['TOP_UP','PAYMENT','TRANSFER','ACCOUNT_LOCK','FRAUD','FEES','SERVICE_QUALITY','OTHER'])[1 + g % 8],
  d, d + interval '4 days', d + (CASE WHEN g % 10 = 0 THEN interval '28 days' ELSE interval '14 days' END),
  CASE WHEN g % 9 <> 0 THEN d + (g % 5) * interval '1 day' END,
  CASE WHEN g % 6 <> 0 AND d + (g % 20) * interval '1 day' < now() THEN d + (g % 20) * interval '1 day' END,
  g % 10 = 0
FROM (SELECT g, now() - ((g % 365) * interval '1 day') - ((g % 1440) * interval '1 minute') AS d
      FROM generate_series(1::bigint, $((ROWS / 50))) g) s;
ANALYZE report_conversations; ANALYZE report_daily; ANALYZE report_complaints;
SQL
echo "Loaded in $(( $(date +%s) - LOAD_START )) s: $(psql $PG -d "$DB" -At -c "SELECT COUNT(*) FROM report_conversations") facts, $(psql $PG -d "$DB" -At -c "SELECT COUNT(*) FROM report_daily") daily rows, $(psql $PG -d "$DB" -At -c "SELECT COUNT(*) FROM report_complaints") complaints."

# Sign in as the demo supervisor with the (masked) CSRF token of the sign-in form.
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="\([^"]*\)"/\1/')
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -X POST "$BASE/login" \
  --data-urlencode "_csrf=$TOKEN" --data-urlencode "identifier=supervisor@walletdesk.local" \
  --data-urlencode "password=awasi-antrian-layanan-31"

time_page() {
  local label=$1 path=$2 times=()
  for _ in $(seq 1 "$REQUESTS"); do
    local t
    t=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code} %{time_total}' "$BASE$path")
    [ "${t%% *}" = "200" ] || { echo "HTTP ${t%% *} for $label ($path)"; exit 1; }
    times+=("${t##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{a[NR]=$1} END {
    i50 = int((NR + 1) * 0.5); i95 = int(NR * 0.95 + 0.999); if (i95 > NR) i95 = NR
    printf "%-40s p50 %4.0f ms   p95 %4.0f ms   max %4.0f ms\n", label, a[i50]*1000, a[i95]*1000, a[NR]*1000}'
}
TODAY=$(TZ=Asia/Jakarta date +%F)
YEAR="from=$(TZ=Asia/Jakarta date -d '364 days ago' +%F)&to=$TODAY"
MONTH="from=$(TZ=Asia/Jakarta date -d '29 days ago' +%F)&to=$TODAY"
# One untimed request per page first (the first Thymeleaf rendering of a template parses it).
for path in /staff/reporting /staff/reporting/topics /staff/reporting/complaints /staff/reporting/training; do
  curl -s -b "$COOKIES" -o /dev/null "$BASE$path?$YEAR"
done
echo "Report pages on PostgreSQL with $ROWS conversations, $REQUESTS requests each:"
time_page "overview, year (by week)" "/staff/reporting?$YEAR"
time_page "overview, year by day" "/staff/reporting?$YEAR&by=day"
time_page "overview, year by month" "/staff/reporting?$YEAR&by=month"
time_page "overview, 30 days (by day)" "/staff/reporting?$MONTH"
time_page "intents and teams, year" "/staff/reporting/topics?$YEAR"
time_page "complaints, year" "/staff/reporting/complaints?$YEAR"
time_page "top issues (training), year" "/staff/reporting/training?$YEAR"
time_page "top issues (training), 30 days" "/staff/reporting/training?$MONTH"
time_page "overview CSV, year by day" "/staff/reporting.csv?$YEAR&by=day"
time_page "intents and teams CSV, year" "/staff/reporting/topics.csv?$YEAR"
if [ -n "${SAVE_PAGES:-}" ]; then
  mkdir -p "$SAVE_PAGES"
  for page in reporting reporting/topics reporting/complaints reporting/training; do
    curl -s -b "$COOKIES" "$BASE/staff/$page?$YEAR" > "$SAVE_PAGES/$(echo "$page" | tr / -).html"
  done
  echo "Pages saved in $SAVE_PAGES"
fi
