'use strict';
// The chat benchmark's load client (run by bench/run-chat-bench.sh): N customer sockets spread over two nodes,
// agent sockets watching the staff inbox, a steady total send rate with client message ids, an outbox that is
// replayed on reconnect, and one node killed half-way. One event loop, so 2,000 sockets cost a few MB.
// Prints a JSON summary as its last line.
const fs = require('fs');
const WebSocket = require('ws');

const env = (name, fallback) => (process.env[name] === undefined || process.env[name] === '' ? fallback : process.env[name]);
const PORTS = [Number(env('PORT_A')), Number(env('PORT_B'))];
const CUSTOMER_TOKENS = fs.readFileSync(env('CUSTOMER_TOKENS'), 'utf8').split('\n').filter(Boolean);
const AGENT_TOKENS = fs.readFileSync(env('AGENT_TOKENS'), 'utf8').split('\n').filter(Boolean);
const RATE = Number(env('RATE', 200));             // messages per second, all customers together
const DURATION = Number(env('DURATION', 60));      // seconds of sending
const KILL_AT = Number(env('KILL_AT', 0));         // seconds into the timed run; 0: no kill
const KILL_PID = Number(env('KILL_PID', 0));       // node A's process
const WARMUP = Number(env('WARMUP', 30));          // seconds of sending before the timed run (JIT, pools, caches): checked, not timed
const DRAIN = Number(env('DRAIN', 30));            // seconds to wait for the last acks and deliveries
const AGENT_PORT_INDEX = Number(env('AGENT_NODE', 1)); // agents on node B, the one that survives

const now = () => Number(process.hrtime.bigint() / 1000n) / 1000; // ms, monotonic
const counters = { errors: {}, customerReconnects: 0, agentReconnects: 0, resent: 0, duplicateAcks: 0, queuedAcks: 0,
  customerStreamReordered: 0, customerStreamDuplicated: 0 };
let killed = false;
let startedAt = 0;
let stopping = false;

// ---- customers ----
const customers = CUSTOMER_TOKENS.map((token, i) => ({
  i, token, port: i % 2, ws: null, ready: false, conversationId: 0, lastSeq: 0, typed: 0,
  pending: new Map(), // clientMessageId -> message, until acked with a sequence number
}));
const messages = new Map(); // clientMessageId -> { customer, n, typedAt, seq, conversationId }

function connectCustomer(c, attempt = 0) {
  const ws = new WebSocket(`ws://127.0.0.1:${PORTS[c.port]}/chat/ws`, { perMessageDeflate: false,
    headers: { 'User-Agent': 'Mozilla/5.0 (Linux; Android 12; Redmi 9A) chat-bench' } });
  c.ws = ws;
  c.ready = false;
  return new Promise((resolve) => {
    let welcomed = false;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: c.token, lastSeq: c.lastSeq })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data);
      switch (frame.type) {
        case 'welcome':
          c.conversationId = frame.conversationId;
          c.ready = true;
          welcomed = true;
          // The outbox, in typing order: whatever was not acknowledged goes again (the server keeps it once).
          for (const m of [...c.pending.values()].sort((a, b) => a.n - b.n)) {
            if (m.sentOnce) { counters.resent++; }
            transmit(c, m);
          }
          resolve(true);
          break;
        case 'ack': onAck(c, frame); break;
        case 'message': onOwnStream(c, frame.message); break;
        case 'error': {
          const code = frame.code || 'unknown';
          counters.errors[code] = (counters.errors[code] || 0) + 1;
          if (!welcomed) { // hello refused (e.g. the database was busy): say it again
            setTimeout(() => { if (c.ws === ws && ws.readyState === WebSocket.OPEN) {
              ws.send(JSON.stringify({ type: 'hello', token: c.token, lastSeq: c.lastSeq })); } }, 500);
            break;
          }
          if (frame.clientMessageId && c.pending.has(frame.clientMessageId) && frame.retryAfterSeconds) {
            setTimeout(() => { if (c.ready) { transmit(c, c.pending.get(frame.clientMessageId)); } },
              frame.retryAfterSeconds * 1000);
          }
          break;
        }
        default: break;
      }
    });
    ws.on('error', () => { /* 'close' follows */ });
    ws.on('close', () => {
      if (c.ws !== ws) { return; }
      c.ready = false;
      if (!welcomed) { resolve(false); }
      if (stopping) { return; }
      counters.customerReconnects++;
      // What a load balancer does: the dead node's customers land on the other one.
      const delay = 100 + Math.random() * 400;
      setTimeout(() => { c.port = killed && c.port === 0 ? 1 : (attempt % 2 === 1 ? 1 - c.port : c.port);
        connectCustomer(c, attempt + 1); }, delay);
    });
  });
}

function transmit(c, m) {
  if (!m) { return; }
  m.sentOnce = true;
  c.ws.send(JSON.stringify({ type: 'send', clientMessageId: m.id, body: `bench ${c.i} #${m.n}` }));
}

function onAck(c, frame) {
  const m = messages.get(frame.clientMessageId);
  if (!m) { return; }
  if (frame.queued) { counters.queuedAcks++; return; } // stored later; its sequence comes with the message frame
  if (frame.duplicate) { counters.duplicateAcks++; }
  if (m.ackedAt === undefined) { m.ackedAt = now(); }
  m.seq = frame.seq;
  m.conversationId = c.conversationId;
  c.pending.delete(frame.clientMessageId);
}

// The customer's own stream: every message of the conversation once, in sequence, across reconnects.
function onOwnStream(c, message) {
  if (message.seq <= c.lastSeq) {
    counters.customerStreamDuplicated++;
  } else if (message.seq !== c.lastSeq + 1 && c.lastSeq !== 0) {
    counters.customerStreamReordered++;
  }
  c.lastSeq = Math.max(c.lastSeq, message.seq);
  const m = messages.get(message.clientMessageId);
  if (m && m.seq === undefined) {
    m.seq = message.seq;
    m.conversationId = c.conversationId;
    c.pending.delete(m.id);
  }
}

function type(c) {
  const n = ++c.typed;
  const m = { id: `b${c.i}-${n}`, n, customer: c.i, typedAt: now(), sentOnce: false };
  messages.set(m.id, m);
  c.pending.set(m.id, m);
  if (c.ready) { transmit(c, m); }
}

// ---- agents ----
const agents = AGENT_TOKENS.map((token, i) => ({ i, token, ws: null, seen: new Map(), duplicated: 0, reordered: 0 }));

function connectAgent(a) {
  const ws = new WebSocket(`ws://127.0.0.1:${PORTS[AGENT_PORT_INDEX]}/chat/ws`, { perMessageDeflate: false });
  a.ws = ws;
  return new Promise((resolve) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'watch', token: a.token })));
    ws.on('message', (data) => {
      const at = now();
      const frame = JSON.parse(data);
      if (frame.type === 'welcome') { resolve(true); return; }
      if (frame.type !== 'inbox' || frame.kind !== 'message') { return; }
      let conv = a.seen.get(frame.conversationId);
      if (!conv) { conv = { max: 0, at: new Map() }; a.seen.set(frame.conversationId, conv); }
      if (conv.at.has(frame.seq)) {
        a.duplicated++;
        return;
      }
      if (frame.seq < conv.max) { a.reordered++; }
      conv.max = Math.max(conv.max, frame.seq);
      conv.at.set(frame.seq, at);
    });
    ws.on('error', () => { /* 'close' follows */ });
    ws.on('close', () => {
      resolve(false);
      if (a.ws !== ws || stopping) { return; }
      counters.agentReconnects++;
      setTimeout(() => connectAgent(a), 200);
    });
  });
}

async function inBatches(items, size, connect) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(connect));
  }
}

function percentile(sorted, p) {
  if (!sorted.length) { return 0; }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
}

function stats(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : 0 };
}

function delivered(m, a) {
  const conv = m.seq === undefined ? null : a.seen.get(m.conversationId);
  return conv ? conv.at.get(m.seq) : undefined;
}

function outstanding() {
  let missing = 0;
  for (const m of messages.values()) {
    if (m.seq === undefined) { missing++; continue; }
    for (const a of agents) { if (delivered(m, a) === undefined) { missing++; break; } }
  }
  return missing;
}

async function main() {
  const t0 = now();
  await inBatches(agents, 10, connectAgent);
  await inBatches(customers, 50, (c) => connectCustomer(c));
  const connectSeconds = (now() - t0) / 1000;
  process.stderr.write(`connected ${customers.filter((c) => c.ready).length} customers and ${agents.length} agents`
    + ` in ${connectSeconds.toFixed(1)} s\n`);
  await new Promise((r) => setTimeout(r, 1000));

  startedAt = now();
  const total = RATE * (WARMUP + DURATION);
  let sent = 0;
  let next = 0;
  const tick = 10; // ms
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (now() - startedAt) / 1000;
      if (KILL_AT > 0 && !killed && elapsed >= WARMUP + KILL_AT && KILL_PID) {
        process.kill(KILL_PID, 'SIGKILL');
        killed = true;
        process.stderr.write(`killed node A (pid ${KILL_PID}) at ${(elapsed - WARMUP).toFixed(1)} s of the timed run\n`);
      }
      const due = Math.min(total, Math.floor(elapsed * RATE));
      while (sent < due) {
        type(customers[next]);
        next = (next + 1) % customers.length;
        sent++;
      }
      if (sent >= total) { clearInterval(timer); resolve(); }
    }, tick);
  });
  process.stderr.write(`typed ${sent} messages; draining\n`);
  const drainUntil = now() + DRAIN * 1000;
  while (now() < drainUntil && outstanding() > 0) {
    await new Promise((r) => setTimeout(r, 500));
  }
  stopping = true;

  // ---- results ----
  const killAtMs = KILL_AT > 0 ? startedAt + (WARMUP + KILL_AT) * 1000 : Infinity;
  const calm = []; const all = []; const acks = [];
  const windows = new Map(); // 10 s window of typing -> latencies, to see whether the tail is steady or a burst
  let lost = 0; let lostPairs = 0; let unacked = 0; let typedOutOfOrder = 0;
  const lastSeqOf = new Map();
  const ordered = [...messages.values()].sort((x, y) => x.customer - y.customer || x.n - y.n);
  for (const m of ordered) {
    if (m.seq === undefined) { unacked++; lost++; continue; }
    const previous = lastSeqOf.get(m.customer);
    if (previous !== undefined && m.seq < previous) { typedOutOfOrder++; }
    lastSeqOf.set(m.customer, m.seq);
    if (m.ackedAt !== undefined && m.typedAt - startedAt >= WARMUP * 1000 && m.typedAt < killAtMs - 1000) {
      acks.push(m.ackedAt - m.typedAt);
    }
    const window = Math.floor((m.typedAt - startedAt) / 10000) * 10 - WARMUP; // negative: warm-up
    if (!windows.has(window)) { windows.set(window, []); }
    let missed = 0;
    for (const a of agents) {
      const at = delivered(m, a);
      if (at === undefined) { missed++; continue; }
      const latency = at - m.typedAt;
      windows.get(window).push(latency);
      if (m.typedAt - startedAt >= WARMUP * 1000) {
        all.push(latency);
        if (m.typedAt < killAtMs - 1000) { calm.push(latency); }
      }
    }
    if (missed) { lost++; lostPairs += missed; }
  }
  const duplicated = agents.reduce((s, a) => s + a.duplicated, 0) + counters.customerStreamDuplicated;
  const reordered = agents.reduce((s, a) => s + a.reordered, 0) + typedOutOfOrder + counters.customerStreamReordered;
  for (const c of customers) { try { c.ws.terminate(); } catch (e) { /* gone */ } }
  for (const a of agents) { try { a.ws.terminate(); } catch (e) { /* gone */ } }
  const result = { sockets: customers.length + agents.length, customers: customers.length, agents: agents.length,
    sent, lost, lostPairs, unacked, duplicated, reordered, typedOutOfOrder, killed,
    calm: stats(calm), acrossKill: stats(all), ack: stats(acks),
    windows: [...windows.entries()].sort((x, y) => x[0] - y[0]).map(([from, l]) => ({ from, ...stats(l) })),
    connectSeconds, ...counters,
    clientRssMb: Math.round(process.memoryUsage().rss / 1048576) };
  console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
