-- wrk script for the ledger benchmark (bench/run-ledger-bench.sh). Every request is a real API call with
-- the sender's own bearer token and a fresh Idempotency-Key: HOT_PERCENT% are payments to the merchant
-- KOPI-NUSANTARA, the rest transfers of Rp10.000 to a uniformly random other wallet. WALLETS names a file
-- of "phone,token" lines written by LedgerBench.java. Only HTTP 201 counts as a transfer.
local wallets = {}
local hot = tonumber(os.getenv("HOT_PERCENT") or "0")
local run = os.getenv("RUN_ID") or tostring(os.time())
local threads = {}
local counter = 0
ok, errors, kinds = 0, 0, ""
local errorKinds = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("WALLETS")) do
    local phone, token = line:match("^([^,]+),([^,]+)$")
    if phone then
      wallets[#wallets + 1] = { phone, "Bearer " .. token }
    end
  end
  math.randomseed(os.time() * 1000 + id)
end

local payment = '{"merchantCode":"KOPI-NUSANTARA","amount":10000,"pin":"246810"}'

function request()
  counter = counter + 1
  local n = #wallets
  local from = wallets[math.random(n)]
  local path, body
  if hot > 0 and math.random(100) <= hot then
    path, body = "/api/v1/wallet/payments", payment
  else
    local to = from
    while to == from do
      to = wallets[math.random(n)]
    end
    path = "/api/v1/wallet/transfers"
    body = '{"phone":"' .. to[1] .. '","amount":10000,"pin":"246810"}'
  end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = from[2],
    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter,
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
  else
    errors = errors + 1
    local code = body and body:match('"code"%s*:%s*"([^"]+)"') or "?"
    local key = status .. ":" .. code
    errorKinds[key] = (errorKinds[key] or 0) + 1
    local parts = {}
    for k, v in pairs(errorKinds) do
      parts[#parts + 1] = k .. "=" .. v
    end
    kinds = table.concat(parts, ",")
  end
end

function done(summary, latency, requests)
  local totalOk, totalErrors, allKinds = 0, 0, {}
  for _, thread in ipairs(threads) do
    totalOk = totalOk + thread:get("ok")
    totalErrors = totalErrors + thread:get("errors")
    local k = thread:get("kinds")
    if k and k ~= "" then
      allKinds[#allKinds + 1] = k
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT ok=%d errors=%d socket_errors=%d seconds=%.2f rate=%.1f p50_ms=%.1f p99_ms=%.1f kinds=[%s]\n",
    totalOk, totalErrors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, totalOk / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    table.concat(allKinds, ";")))
end
