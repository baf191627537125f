#!/usr/bin/env node
// Load generator for the chat widget contract (socket.io v4 client, default namespace "/").
// N clients connect (query: shop, visitor, [sig]); each sends M "message" events
// {clientMsgId, text} with an ack callback and waits for the bot's "message" event.
//
// Measures per message:
//   ackMs   = emit -> ack callback ({ok:true, seq})
//   replyMs = emit -> the matching "message" event with from="bot" or from="system"
// Matching rule: a bot/system message belongs to the oldest outstanding message of that client whose
// ack seq is lower than the message's seq (so greetings or late extras are not counted as replies).
// If the server sends no numeric seq, matching is FIFO.
//
// Prints ONE JSON line on stdout (also after a hard stop). Exit: 0 done, 3 hard stop, 2 usage error.
//
// Options (all optional):
//   --url http://127.0.0.1:3101   loopback only (127.0.0.1 / localhost / ::1), anything else is refused
//   --clients 1000  --msgs 20     clients, messages per client
//   --interval-ms 0               0 = closed loop (next message after the previous bot reply / failure)
//                                 K = paced: each client sends every K ms +/-20 % (uniform jitter), random
//                                     start offset in [0,K); does not wait for replies (fixed offered load)
//   --transport ws|default        ws = websocket only; default = polling handshake then upgrade
//   --connect-rate 500            connection attempts started per second (0 = as fast as possible)
//   --connect-concurrency 200     max connection attempts in flight
//   --timeout-s 180               hard stop for the whole run (prints partial results, exit 3)
//   --msg-timeout-s 30            per message: ack and reply must arrive within this time
//   --text "..."                  shopper text (default: a short Chinese shopper question)
//   --texts-file F                one shopper text per line; each message takes the next line (one rotation
//                                 over all clients), so a server cannot answer the whole run from one cached question
//   --shop default  --sig S       handshake query params; visitor = <visitor-prefix>-<i>
//   --sig-secret K                per-visitor sig = hex HMAC-SHA256(visitor id, key K) (the contract's scheme)
//   --visitor-prefix lg-<pid>     prefix for the visitor ids
//   --server-pid PID              sample CPU seconds + RSS of PID and its descendants from /proc
//   --warmup W                    W closed-loop messages per client before the measured phase (JIT warm-up);
//                                 not counted in the results (reported under "warmup")
//   --label NAME                  copied into the JSON line
//   --hold-s S                    (xiaoer bench) after the message phase keep every connection open S seconds, then
//                                 sample the server again (server.hold: RSS of the idle connections); with --msgs 0
//                                 this is the idle-widgets scenario
//   --hold-extra-s T              after that sample print "HOLD-SAMPLED <alive>" on stderr and keep the connections
//                                 T seconds more (the bench reads the JVM's live heap meanwhile)
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const { execSync } = require('child_process');
const { performance, monitorEventLoopDelay } = require('perf_hooks');
const { io } = require('socket.io-client');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { console.error(`unexpected argument: ${a}`); process.exit(2); }
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = 'true';
  }
  return out;
}
const A = parseArgs(process.argv.slice(2));
const num = (k, d) => {
  if (A[k] === undefined) return d;
  const v = Number(A[k]);
  if (!Number.isFinite(v) || v < 0) { console.error(`bad --${k} ${A[k]}`); process.exit(2); }
  return v;
};
const URL_ = A.url || 'http://127.0.0.1:3101';
const N = Math.floor(num('clients', 1000));
const M = Math.floor(num('msgs', 20));
const INTERVAL = num('interval-ms', 0);
const TRANSPORT = A.transport || 'ws';
const CONNECT_RATE = num('connect-rate', 500);
const CONNECT_CONC = Math.max(1, Math.floor(num('connect-concurrency', 200)));
const TIMEOUT_S = num('timeout-s', 180);
const MSG_TIMEOUT_MS = Math.min(num('msg-timeout-s', 30), TIMEOUT_S) * 1000;
const TEXT = A.text || '你好，我的订单什么时候发货？可以改地址吗';
const TEXTS = A['texts-file']
  ? require('fs').readFileSync(A['texts-file'], 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
  : [TEXT];
if (!TEXTS.length) { console.error('--texts-file has no lines'); process.exit(2); }
let textCursor = 0;
const SHOP = A.shop || 'default';
const SIG = A.sig;
const SIG_SECRET = A['sig-secret'];
const VPREFIX = A['visitor-prefix'] || `lg-${process.pid}-${Date.now().toString(36)}`;
const SERVER_PID = A['server-pid'] ? Number(A['server-pid']) : null;
const LABEL = A.label || null;
const WARMUP = Math.floor(num('warmup', 0));
const HOLD_S = num('hold-s', 0);
let hold = null;
let warmup = null;

if (!['ws', 'default'].includes(TRANSPORT)) { console.error('--transport must be ws or default'); process.exit(2); }
if (N < 1 || M < 0 || TIMEOUT_S <= 0) { console.error('need --clients >= 1, --msgs >= 0, --timeout-s > 0'); process.exit(2); }
let host;
try { host = new URL(URL_).hostname; } catch (e) { console.error(`bad --url ${URL_}`); process.exit(2); }
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
  console.error(`refusing non-loopback target ${host}`); process.exit(2);
}

// ---------------------------------------------------------------- helpers
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function summary(arr) {
  if (!arr.length) return { n: 0 };
  const s = Float64Array.from(arr).sort();
  const pct = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  let sum = 0; for (const v of s) sum += v;
  const r3 = (v) => Math.round(v * 1000) / 1000;
  return { n: s.length, mean: r3(sum / s.length), p50: r3(pct(50)), p90: r3(pct(90)), p99: r3(pct(99)),
    p999: r3(pct(99.9)), max: r3(s[s.length - 1]) };
}

let CLK_TCK = 100;
try { CLK_TCK = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100; } catch (e) { /* keep 100 */ }
// CPU seconds and RSS of pid plus all its descendants (a wrapper script + java, etc.)
function sampleProc(pid) {
  try {
    const ppid = new Map(); const stat = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let s; try { s = fs.readFileSync(`/proc/${d}/stat`, 'utf8'); } catch (e) { continue; }
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      ppid.set(Number(d), Number(f[1]));
      stat.set(Number(d), (Number(f[11]) + Number(f[12])) / CLK_TCK);
    }
    if (!stat.has(pid)) return null;
    const tree = new Set([pid]);
    let grew = true;
    while (grew) { grew = false; for (const [p, pp] of ppid) if (!tree.has(p) && tree.has(pp)) { tree.add(p); grew = true; } }
    let cpu = 0, rssKB = 0, hwmKB = 0;
    for (const p of tree) {
      cpu += stat.get(p) || 0;
      try {
        const st = fs.readFileSync(`/proc/${p}/status`, 'utf8');
        const rss = /VmRSS:\s+(\d+)/.exec(st); const hwm = /VmHWM:\s+(\d+)/.exec(st);
        if (rss) rssKB += Number(rss[1]);
        if (hwm) hwmKB += Number(hwm[1]);
      } catch (e) { /* exited */ }
    }
    return { procs: tree.size, cpuSec: cpu, rssMB: rssKB / 1024, hwmMB: hwmKB / 1024 };
  } catch (e) { return null; }
}

// ---------------------------------------------------------------- state
const ackLat = [], replyLat = [], connLat = [];
const C = { sent: 0, acked: 0, replies: 0, ackErrors: 0, ackTimeouts: 0, replyTimeouts: 0, lostOnDisconnect: 0,
  disconnects: 0, unsolicited: 0, lateAcks: 0, notSent: 0 };
const errorCodes = {}, replyFrom = {}, disconnectReasons = {};
let connected = 0, connectFailed = 0; const connectErrors = {};
let stopped = false, closingAll = false, finished = false;
const clients = [];
const startedAt = new Date().toISOString();
const tRun0 = now();
let tConnect0 = null, tConnect1 = null, tMsg0 = null, tMsg1 = null;
const cpu0 = process.cpuUsage();
const eld = monitorEventLoopDelay({ resolution: 10 }); eld.enable();
const srv0 = SERVER_PID ? sampleProc(SERVER_PID) : null; let srvC = null, srvConn = null;

function finishMsg(c, m, outcome) {
  if (m.finished) return;
  m.finished = true;
  clearTimeout(m.timer);
  const i = c.pending.indexOf(m); if (i >= 0) c.pending.splice(i, 1);
  if (outcome !== 'ok') C[outcome]++;
  m.resolve(outcome);
}
function matchReply(c, m, t, p) {
  replyLat.push(t - m.t0); C.replies++;
  replyFrom[p.from] = (replyFrom[p.from] || 0) + 1;
  finishMsg(c, m, 'ok');
}
function onServerMessage(c, p) {
  const t = now();
  if (!p || (p.from !== 'bot' && p.from !== 'system')) { C.unsolicited++; return; }
  const seq = typeof p.seq === 'number' ? p.seq : null;
  for (const m of c.pending) {
    if (seq === null) { matchReply(c, m, t, p); return; }
    if (m.ackSeq === null) { // ack not here yet: keep it until the ack tells us the message's seq
      if (c.early.length < 1000) c.early.push({ seq, t, p }); else C.unsolicited++;
      return;
    }
    if (seq > m.ackSeq) { matchReply(c, m, t, p); return; }
    break; // older than the oldest outstanding message: not a reply to anything outstanding
  }
  C.unsolicited++;
}
function onAck(c, m, res) {
  const t = now();
  if (m.finished) { C.lateAcks++; return; }
  if (!res || res.ok !== true) {
    const code = (res && res.error) || 'malformed_ack';
    errorCodes[code] = (errorCodes[code] || 0) + 1;
    finishMsg(c, m, 'ackErrors');
    return;
  }
  m.acked = true; m.ackSeq = typeof res.seq === 'number' ? res.seq : null;
  ackLat.push(t - m.t0); C.acked++;
  while (c.early.length) { // bot/system messages that arrived before this ack
    const e = c.early.shift();
    if (m.ackSeq === null || e.seq > m.ackSeq) { matchReply(c, m, e.t, e.p); return; }
    C.unsolicited++;
  }
}
function sendOne(c, k) { // k: number or string, only used to make clientMsgId unique
  return new Promise((resolve) => {
    const m = { t0: 0, ackSeq: null, acked: false, finished: false, resolve, timer: null };
    c.pending.push(m);
    m.timer = setTimeout(() => finishMsg(c, m, m.acked ? 'replyTimeouts' : 'ackTimeouts'), MSG_TIMEOUT_MS);
    C.sent++;
    m.t0 = now();
    c.s.emit('message', { clientMsgId: `${c.visitor}-${k}`, text: TEXTS[(textCursor++) % TEXTS.length] }, (res) => onAck(c, m, res));
  });
}

// ---------------------------------------------------------------- connect phase
function connectOne(i) {
  return new Promise((resolve) => {
    const visitor = `${VPREFIX}-${i}`;
    const query = { shop: SHOP, visitor };
    if (SIG) query.sig = SIG;
    else if (SIG_SECRET) query.sig = crypto.createHmac('sha256', SIG_SECRET).update(visitor).digest('hex');
    const t = now();
    const s = io(URL_, {
      transports: TRANSPORT === 'ws' ? ['websocket'] : ['polling', 'websocket'],
      forceNew: true, reconnection: false, timeout: 20000, query,
    });
    const c = { s, visitor, pending: [], early: [], dead: false };
    s.on('message', (p) => onServerMessage(c, p));
    let settled = false;
    const ok = () => { if (settled) return; settled = true; connected++; connLat.push(now() - t); clients.push(c); resolve(); };
    s.once('connect_error', (e) => {
      if (settled) return; settled = true; connectFailed++;
      const k = String((e && e.message) || e).slice(0, 60); connectErrors[k] = (connectErrors[k] || 0) + 1;
      s.close(); resolve();
    });
    s.once('connect', () => {
      if (TRANSPORT === 'ws' || s.io.engine.transport.name === 'websocket') return ok();
      const to = setTimeout(ok, 5000); // give up waiting for the upgrade after 5 s
      s.io.engine.once('upgrade', () => { clearTimeout(to); ok(); });
    });
    s.on('disconnect', (reason) => {
      c.dead = true;
      if (closingAll) return;
      C.disconnects++; disconnectReasons[reason] = (disconnectReasons[reason] || 0) + 1;
      for (const m of c.pending.slice()) finishMsg(c, m, 'lostOnDisconnect');
    });
  });
}
async function connectAll() {
  tConnect0 = now();
  let inflight = 0, launched = 0; const all = [];
  let wake = null;
  while (launched < N && !stopped) {
    if (CONNECT_RATE > 0) {
      const due = Math.floor(((now() - tConnect0) * CONNECT_RATE) / 1000) + 1;
      if (launched >= due) { await sleep(Math.max(1, ((launched) * 1000) / CONNECT_RATE - (now() - tConnect0))); continue; }
    }
    if (inflight >= CONNECT_CONC) { await new Promise((r) => { wake = r; }); continue; }
    inflight++;
    all.push(connectOne(launched++).then(() => { inflight--; if (wake) { const w = wake; wake = null; w(); } }));
  }
  await Promise.all(all);
  tConnect1 = now();
}

// ---------------------------------------------------------------- message phase
async function runClient(c) {
  if (INTERVAL <= 0) {
    for (let k = 0; k < M; k++) {
      if (stopped || c.dead) { C.notSent += M - k; return; }
      await sendOne(c, k);
    }
    return;
  }
  const outstanding = [];
  await sleep(Math.random() * INTERVAL);
  for (let k = 0; k < M; k++) {
    if (stopped || c.dead) { C.notSent += M - k; break; }
    outstanding.push(sendOne(c, k));
    if (k < M - 1) await sleep(INTERVAL * (0.8 + 0.4 * Math.random()));
  }
  await Promise.all(outstanding);
}

// ---------------------------------------------------------------- result
function result(hardStop) {
  const tEnd = now();
  const msgWall = tMsg0 === null ? 0 : (tMsg1 !== null ? tMsg1 : tEnd) - tMsg0;
  const connWall = tConnect0 === null ? 0 : (tConnect1 !== null ? tConnect1 : tEnd) - tConnect0;
  const srv1 = SERVER_PID ? sampleProc(SERVER_PID) : null;
  const cpu = process.cpuUsage(cpu0);
  const r1 = (v) => Math.round(v * 10) / 10;
  let server = null;
  if (SERVER_PID) {
    if (srv0 && srv1) {
      const mid = srvC || srv1, conn = srvConn || mid;
      server = { pid: SERVER_PID, procs: srv1.procs,
        cpuSecTotal: +(srv1.cpuSec - srv0.cpuSec).toFixed(2),
        cpuSecConnect: +(conn.cpuSec - srv0.cpuSec).toFixed(2),
        cpuSecWarmup: +(mid.cpuSec - conn.cpuSec).toFixed(2),
        cpuSecMessages: +(srv1.cpuSec - mid.cpuSec).toFixed(2),
        cpuUsPerAckedMsg: C.acked ? Math.round(((srv1.cpuSec - mid.cpuSec) * 1e6) / C.acked) : null,
        rssMBStart: r1(srv0.rssMB), rssMBEnd: r1(srv1.rssMB), rssPeakMBSinceStart: r1(srv1.hwmMB) };
    } else server = { pid: SERVER_PID, error: 'could not read /proc for this pid' };
  }
  return {
    tool: 'bench-peer/load.js', label: LABEL, startedAt, url: URL_, transport: TRANSPORT,
    clients: N, msgsPerClient: M, intervalMs: INTERVAL,
    offeredMsgsPerSec: INTERVAL > 0 ? Math.round((connected * 1000) / INTERVAL) : null,
    connect: { connected, failed: connectFailed, errors: connectErrors, targetRate: CONNECT_RATE,
      wallMs: r1(connWall), perSec: connWall > 0 ? r1((connected * 1000) / connWall) : null, ms: summary(connLat) },
    counts: { ...C,
      // bot/system messages still parked waiting for an ack that never came count as unsolicited
      unsolicited: C.unsolicited + clients.reduce((a, c) => a + c.early.length, 0),
      outstandingAtStop: clients.reduce((a, c) => a + c.pending.length, 0),
      notSent: N * M - C.sent, // failed connects, disconnected clients, hard stop
      errorCodes, replyFrom, disconnectReasons },
    wallMs: r1(msgWall),
    ackedPerSec: msgWall > 0 ? Math.round((C.acked * 1000) / msgWall) : 0,
    repliesPerSec: msgWall > 0 ? Math.round((C.replies * 1000) / msgWall) : 0,
    ackMs: summary(ackLat), replyMs: summary(replyLat),
    warmup,
    hold,
    server,
    loadgen: { cpuSec: +((cpu.user + cpu.system) / 1e6).toFixed(2), rssMB: r1(process.memoryUsage().rss / 1048576),
      loopDelayP99Ms: +(eld.percentile(99) / 1e6).toFixed(2) },
    hardStop, totalWallMs: r1(tEnd - tRun0),
  };
}
function finish(hardStop) {
  if (finished) return;
  finished = true; stopped = true;
  const line = JSON.stringify(result(hardStop));
  closingAll = true;
  for (const c of clients) { try { c.s.close(); } catch (e) { /* ignore */ } }
  process.stdout.write(line + '\n', () => setTimeout(() => process.exit(hardStop ? 3 : 0), 50));
  setTimeout(() => process.exit(hardStop ? 3 : 0), 2000).unref();
}

const hard = setTimeout(() => finish(true), TIMEOUT_S * 1000);
process.on('SIGTERM', () => finish(true));
process.on('SIGINT', () => finish(true));

(async () => {
  await connectAll();
  if (stopped) return;
  if (SERVER_PID) srvConn = sampleProc(SERVER_PID);
  if (WARMUP > 0) {
    const tw = now();
    await Promise.all(clients.map(async (c) => {
      for (let k = 0; k < WARMUP && !stopped && !c.dead; k++) await sendOne(c, `w${k}`);
    }));
    if (stopped) return;
    warmup = { msgsPerClient: WARMUP, wallMs: Math.round(now() - tw), sent: C.sent, acked: C.acked, replies: C.replies,
      failures: C.ackErrors + C.ackTimeouts + C.replyTimeouts + C.lostOnDisconnect, disconnects: C.disconnects };
    for (const k of Object.keys(C)) C[k] = 0;
    ackLat.length = 0; replyLat.length = 0;
    for (const o of [errorCodes, replyFrom, disconnectReasons]) for (const k of Object.keys(o)) delete o[k];
  }
  if (SERVER_PID) srvC = sampleProc(SERVER_PID);
  tMsg0 = now();
  await Promise.all(clients.map((c) => runClient(c)));
  tMsg1 = now();
  if (HOLD_S > 0 && !stopped) {
    await sleep(HOLD_S * 1000);
    const alive = clients.filter((c) => !c.dead).length;
    const h = SERVER_PID ? sampleProc(SERVER_PID) : null;
    hold = { seconds: HOLD_S, alive, disconnects: C.disconnects,
      rssMB: h ? Math.round(h.rssMB * 10) / 10 : null,
      rssDeltaMB: h && srv0 ? Math.round((h.rssMB - srv0.rssMB) * 10) / 10 : null,
      rssKBPerConnection: h && srv0 && alive ? Math.round(((h.rssMB - srv0.rssMB) * 1024 * 100) / alive) / 100 : null,
      loadgenRssMB: Math.round(process.memoryUsage().rss / 1048576) };
    // the caller may look inside the server now (e.g. a JVM's live heap) while the connections are still open
    const extra = num('hold-extra-s', 0);
    if (extra > 0) { console.error(`HOLD-SAMPLED ${alive}`); await sleep(extra * 1000); }
  }
  clearTimeout(hard);
  finish(false);
})().catch((e) => { console.error(e && e.stack || e); finish(true); });
