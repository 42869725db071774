-- Open-model (constant arrival rate) load for wrk: each thread hands out send times on a fixed
-- schedule (rate / threads per second); a connection waits for its slot before sending. When no
-- connection is free at a slot's time the send is late: it is counted (late sends mean the
-- server did not keep up, and wrk's latency of those would understate the wait), so a rate is
-- "sustained" only with (almost) no late sends.
--
--   wrk -t2 -c32 -d30s -s paced.lua URL -- RATE MODE IDFILE TOKEN [PARTY]
--   MODE read:   GET /v1/evaluations/{id}, …/result, …/submissions in turn (ids from IDFILE)
--   MODE submit: POST /v1/evaluations/{id}/submissions as PARTY, each id once, Idempotency-Key
--   MODE list:   GET each line of IDFILE as a path (the auditor's list queries)

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local rate, mode, token, party
local items = {}
local interval_us, next_us
late, late_us_total, sent, idx = 0, 0, 0, 0
statuses = {}
local stride, nthreads
local lines = 0

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec[1]")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts[0].tv_sec) * 1000000 + tonumber(ts[0].tv_nsec) / 1000
end

local LATE_US = 5000 -- a send more than 5 ms behind its slot is late

function init(args)
  rate = tonumber(args[1])
  mode = args[2]
  token = args[4]
  party = args[5] or "STREET_OFFICE"
  nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  local n = 0
  for line in io.lines(args[3]) do
    if mode ~= "submit" or (n % nthreads) == (tid - 1) then
      table.insert(items, line)
    end
    n = n + 1
  end
  if #items == 0 then error("no ids in " .. args[3]) end
  interval_us = 1000000 * nthreads / rate
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  -- start each thread's schedule at a different offset within one interval
  next_us = now_us() + 20000 + interval_us * (tid - 1) / nthreads
end

function delay()
  local t = now_us()
  local slot = next_us
  next_us = next_us + interval_us
  if slot >= t then
    return math.floor((slot - t) / 1000)
  end
  if t - slot > LATE_US then
    late = late + 1
    late_us_total = late_us_total + (t - slot)
  end
  return 0
end

local SCORES = {
  STREET_OFFICE = '{"party":"STREET_OFFICE","comment":"压测","scores":[{"item":"S1.1","score":"36.50"},{"item":"S1.2","score":"27.00"},{"item":"S1.3","score":"28.25"}]}',
  BUREAU = '{"party":"BUREAU","scores":[{"item":"B1.1","score":"38.00"},{"item":"B1.2","score":"28.50"},{"item":"B1.3","score":"28.00"}]}',
}

function request()
  sent = sent + 1
  if mode == "read" then
    local i = math.floor((sent - 1) / 3) % #items + 1
    local k = (sent - 1) % 3
    local base = "/v1/evaluations/" .. items[i]
    if k == 0 then return wrk.format("GET", base)
    elseif k == 1 then return wrk.format("GET", base .. "/result")
    else return wrk.format("GET", base .. "/submissions") end
  elseif mode == "list" then
    return wrk.format("GET", items[(sent - 1) % #items + 1])
  else
    idx = idx + 1
    if idx > #items then
      -- out of OPEN evaluations: ask for a bogus one rather than re-submitting (counted as 404)
      return wrk.format("GET", "/v1/evaluations/00000000-0000-4000-8000-000000000000")
    end
    local id = items[idx]
    return wrk.format("POST", "/v1/evaluations/" .. id .. "/submissions",
      { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json",
        ["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-" .. id },
      SCORES[party])
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total_late, total_late_us, total_sent = 0, 0, 0
  local st = {}
  for _, thread in ipairs(threads) do
    total_late = total_late + thread:get("late")
    total_late_us = total_late_us + thread:get("late_us_total")
    total_sent = total_sent + thread:get("sent")
    local s = thread:get("statuses")
    for k, v in pairs(s) do st[k] = (st[k] or 0) + v end
  end
  local parts = {}
  local ok = 0
  for k, v in pairs(st) do
    table.insert(parts, string.format('"%d": %d', k, v))
    if k >= 200 and k < 300 then ok = ok + v end
  end
  io.write(string.format('BENCH_JSON {"requests": %d, "durationUs": %d, "rps": %.1f, "okRps": %.1f, ' ..
    '"late": %d, "lateMeanMs": %.2f, "socketErrors": %d, "timeouts": %d, ' ..
    '"p50Ms": %.2f, "p90Ms": %.2f, "p99Ms": %.2f, "p999Ms": %.2f, "maxMs": %.2f, "meanMs": %.2f, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6), ok / (summary.duration / 1e6),
    total_late, total_late > 0 and total_late_us / total_late / 1000 or 0,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000, table.concat(parts, ", ")))
end
