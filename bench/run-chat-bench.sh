#!/usr/bin/env bash
# One command: live chat at scale and across nodes (issue 13). Builds the app jar if needed, starts two app
# nodes (ports 18091 and 18092) on one fresh PostgreSQL database with Redis fan-out, creates N visitors with
# chat tokens and 50 agents (bulk SQL), opens N customer sockets (half on each node) and 50 agent sockets
# (on node B, each watching the staff inbox: the `watch` frame, which tells of every new message in every
# conversation the agent may see), and lets the customers send RATE messages/s in total for DURATION s with
# client message ids. At KILL_AT s node A gets `kill -9`; its customers reconnect to node B and resend what
# was not acknowledged. Measures customer -> agent latency, lost, duplicated and reordered messages, and the
# nodes' heap and threads. Before the timed DURATION s the customers send at the same rate for WARMUP s (default
# 30: JIT, pools and caches of a fresh node on 2 cores); those messages are checked for loss, duplicates and
# order like the rest, but not timed, and KILL_AT counts from the end of the warm-up.
#   bench/run-chat-bench.sh                          # 2,000 customers, 200 msg/s, 60 s, node A killed at 30 s
#   CUSTOMERS=200 RATE=50 DURATION=20 bench/run-chat-bench.sh
#   KILL_AT=0 bench/run-chat-bench.sh                # no kill
#   WARMUP=5 bench/run-chat-bench.sh                 # time (almost) from the first message
#   SKIP_BUILD=1 ...                                 # reuse target/walletdesk.jar even if sources changed
# Needs: java 17, node + npm (the `ws` client is installed into target/chat-bench-node), psql, PostgreSQL on
# 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379.
# The last line is: chat sockets=<n> sent=<n> lost=<n> duplicated=<n> reordered=<n> p99_ms=<n>
# where p99_ms is the customer -> agent p99 before the kill (the whole run with KILL_AT=0); the line before it
# gives p50/p99/max before the kill and across the whole run including the kill.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-2000}
AGENTS=${AGENTS:-50}
RATE=${RATE:-200}
DURATION=${DURATION:-60}
KILL_AT=${KILL_AT:-$((DURATION / 2))}
PORT_A=${PORT_A:-18091}
PORT_B=${PORT_B:-18092}
DB=walletdesk_chatbench
PG="-h 127.0.0.1 -U postgres"
# The per-customer limit is 30 messages a minute; a smaller run at the full rate would only measure refusals.
MAX_RATE=$((CUSTOMERS * 25 / 60))
if [ "$RATE" -gt "$MAX_RATE" ]; then
  echo "RATE $RATE is over what $CUSTOMERS customers may send (30/min each); using $MAX_RATE"
  RATE=$MAX_RATE
fi

JAR=${JAR:-target/walletdesk.jar}
if [ "${SKIP_BUILD:-0}" != "1" ] && { [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; }; then
  ./mvnw -q -B -ntp -DskipTests package
fi
NODE_DIR=target/chat-bench-node
if [ ! -d "$NODE_DIR/node_modules/ws" ]; then
  mkdir -p "$NODE_DIR"
  npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" ws@8.18.3 > /dev/null
fi

WORK=$(mktemp -d /tmp/walletdesk-chatbench-XXXX)
dropdb $PG --if-exists "$DB"
createdb $PG "$DB"
redis-cli -h 127.0.0.1 ping > /dev/null 2>&1 || { echo "Redis is not answering on 127.0.0.1:6379"; exit 1; }

export WALLETDESK_DATA_KEY="$(head -c 32 /dev/urandom | base64)" WALLETDESK_PIN_PEPPER="$(head -c 32 /dev/urandom | base64)" \
  WALLETDESK_BANK_CALLBACK_SECRET="$(head -c 32 /dev/urandom | base64)"
start_node() { # port log name
  # Each node has its own intake journal and attachment directory, as separate machines would.
  WALLETDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" WALLETDESK_DB_USER=postgres WALLETDESK_DEMO_DATA=false \
  WALLETDESK_CHAT_FANOUT=redis WALLETDESK_PUBLIC_BASE_URL="http://127.0.0.1:$1" \
  java ${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC} -jar "$JAR" \
    --server.port="$1" --server.address=127.0.0.1 --logging.level.root=WARN --walletdesk.assistant.enabled=false \
    --walletdesk.intake.journal-dir="$WORK/journal-$3" --walletdesk.attachments.dir="$WORK/attachments-$3" ${APP_ARGS:-} > "$2" 2>&1 &
  echo $!
}
wait_up() { # port pid log
  for _ in $(seq 1 900); do
    if curl -fs "http://127.0.0.1:$1/actuator/health" > /dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "Node on port $1 failed to start; see $3"; tail -40 "$3"; exit 1; fi
    sleep 1
  done
  echo "Node on port $1 did not come up; see $3"; exit 1
}
NODE_A=""; NODE_B=""; SAMPLER=""
cleanup() {
  for pid in $SAMPLER $NODE_A $NODE_B; do kill "$pid" 2>/dev/null || true; done
  for pid in $SAMPLER $NODE_A $NODE_B; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
# Both at once: Flyway holds a PostgreSQL advisory lock while it migrates, so the second node waits for the first.
NODE_A=$(start_node "$PORT_A" "$WORK/node-a.log" a)
NODE_B=$(start_node "$PORT_B" "$WORK/node-b.log" b)
wait_up "$PORT_A" "$NODE_A" "$WORK/node-a.log"; wait_up "$PORT_B" "$NODE_B" "$WORK/node-b.log"
echo "nodes up: A port $PORT_A pid $NODE_A, B port $PORT_B pid $NODE_B (logs in $WORK)"

# Visitors and agents in bulk: chat tokens are stored as the SHA-256 of the token text.
SALT=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
seq 1 "$CUSTOMERS" | sed "s/^/wdc_bench-v-$SALT-/" > "$WORK/customers.txt"
seq 1 "$AGENTS" | sed "s/^/wdc_bench-a-$SALT-/" > "$WORK/agents.txt"
psql $PG -d "$DB" -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO chat_tokens (token_hash, kind, user_id, visitor_id, display_name, created_at, expires_at)
SELECT encode(sha256(convert_to('wdc_bench-v-$SALT-' || g, 'UTF8')), 'hex'), 'VISITOR', NULL, 'v-bench-' || g,
       'Bench visitor ' || g, now(), now() + interval '1 day'
FROM generate_series(1, $CUSTOMERS) g;
INSERT INTO users (role, email, display_name, preferred_language, time_zone, password_hash, status, created_at, version)
SELECT 'AGENT', 'bench-agent-' || g || '@bench.invalid', 'Bench agent ' || g, 'en', 'Asia/Jakarta', '!', 'ACTIVE', now(), 0
FROM generate_series(1, $AGENTS) g;
INSERT INTO chat_tokens (token_hash, kind, user_id, visitor_id, display_name, created_at, expires_at)
SELECT encode(sha256(convert_to('wdc_bench-a-$SALT-' || substring(email from 'bench-agent-([0-9]+)@'), 'UTF8')), 'hex'),
       'STAFF', id, NULL, display_name, now(), now() + interval '1 day'
FROM users WHERE email LIKE 'bench-agent-%@bench.invalid';
SQL

# Heap (jcmd GC.heap_info) and threads (/proc) of both nodes every 5 s; the maxima are reported.
sample() { # pid label
  local threads heap
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo "")
  [ -n "$threads" ] || return 0
  heap=$(jcmd "$1" GC.heap_info 2>/dev/null | awk '/total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); s+=v}} END {printf "%d", s/1024}')
  echo "$2 $(date +%s) threads=$threads heap_used_mb=${heap:-0}" >> "$WORK/samples.txt"
}
( while true; do sample "$NODE_A" A; sample "$NODE_B" B; sleep 5; done ) &
SAMPLER=$!

LOAD=$(uptime | sed 's/.*load average: //')
echo "machine load before the run: $LOAD ($(nproc) cores)"
# CPU seconds (user + system) of a process tree's main processes: the nodes, PostgreSQL (all its backends), the client.
cpu_of() { awk '{ s += $14 + $15 } END { printf "%.1f", s / 100 }' $(for p in "$@"; do echo "/proc/$p/stat"; done) 2>/dev/null || echo 0; }
pg_pids() { pgrep -d ' ' -x postgres || pgrep -d ' ' postgres; }
CPU_BEFORE="$(cpu_of "$NODE_A") $(cpu_of "$NODE_B") $(cpu_of $(pg_pids))"
RESULT=$(NODE_PATH="$NODE_DIR/node_modules" PORT_A=$PORT_A PORT_B=$PORT_B CUSTOMER_TOKENS="$WORK/customers.txt" \
  AGENT_TOKENS="$WORK/agents.txt" RATE=$RATE DURATION=$DURATION KILL_AT=$KILL_AT KILL_PID=$NODE_A \
  node bench/chat/load.cjs | tail -1)
echo "machine load after the run: $(uptime | sed 's/.*load average: //')"
CPU_AFTER="$(cpu_of "$NODE_A") $(cpu_of "$NODE_B") $(cpu_of $(pg_pids))"
KILLED=$([ -d "/proc/$NODE_A" ] && echo 0 || echo 1)
echo "$CPU_BEFORE $CPU_AFTER $KILLED" | awk '{ a = $7 ? "killed" : sprintf("%.1f", $4-$1)
  printf "cpu seconds during the run (sending + drain): node A %s, node B %.1f, PostgreSQL %.1f (backends alive at the end)\n", a, $5-$2, $6-$3 }'

kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
echo "$RESULT" > "$WORK/result.json"
for node in A B; do
  awk -v n="$node" '$1 == n { split($3, t, "="); split($4, h, "="); if (t[2] > mt) mt = t[2]; if (h[2] > mh) mh = h[2] }
    END { printf "node %s: max threads=%d max heap used=%d MB\n", n, mt, mh }' "$WORK/samples.txt"
done
echo "$RESULT" | node -e '
const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
const f = (s) => `p50=${s.p50.toFixed(1)} p99=${s.p99.toFixed(1)} max=${s.max.toFixed(1)} ms (${s.count} deliveries)`;
console.log(`customers=${r.customers} agents=${r.agents} connect=${r.connectSeconds.toFixed(1)}s client_rss=${r.clientRssMb}MB`);
console.log(`reconnects customers=${r.customerReconnects} agents=${r.agentReconnects} resent=${r.resent} duplicate_acks=${r.duplicateAcks} errors=${JSON.stringify(r.errors)}`);
console.log(`lost: messages=${r.lost} (never acknowledged=${r.unacked}, agent deliveries missing=${r.lostPairs})`);
console.log(`customer -> stored (ack): ${f(r.ack)}`);
console.log(`by 10 s window of typing: ${r.windows.map((w) => `${w.from}s p50=${w.p50.toFixed(0)} p99=${w.p99.toFixed(0)}`).join(", ")}`);
console.log(`latency before the kill: ${f(r.calm)}; across the kill: ${f(r.acrossKill)}`);
console.log(`chat sockets=${r.sockets} sent=${r.sent} lost=${r.lost} duplicated=${r.duplicated} reordered=${r.reordered} p99_ms=${Math.round(r.calm.p99)}`);
'
