#!/usr/bin/env node
// Hand-off benchmark for xiaoer (scenario 4): time from a shopper's message to its arrival in an agent's console,
// measured in the same run as the bot-reply latency of other shoppers.
//
//   1. The demo agent logs in (GET /login for the CSRF token, POST /login, GET /api/me for the STOMP CSRF header),
//      opens STOMP over WebSocket at /ws/console and subscribes to /topic/console/queue.
//   2. --bot-clients shoppers and --handoff-clients shoppers connect to the widget (socket.io, websocket only).
//   3. Every hand-off shopper asks for a person ("转人工" and the like). When the console hears of their conversation
//      (a "conversation" push on the queue topic), it subscribes to /topic/console/conversation/{id}.
//   4. Measured phase: all shoppers send --msgs messages each, paced every --interval-ms (+/-20 %, random start).
//      Bot shoppers: ackMs and replyMs (bot/system message with a larger seq, as load.js matches them).
//      Hand-off shoppers: ackMs and consoleMs = emit -> the console's "message" push of that shopper text.
//      Both clocks are this process's performance.now(), so no clock skew enters.
//
// Prints ONE JSON line. Options: --url http://127.0.0.1:9092 --http http://127.0.0.1:8080 --bot-clients 500
// --handoff-clients 100 --msgs 20 --interval-ms 1000 --texts-file F --agent agent --password agent123
// --server-pid PID (CPU/RSS of the pid and its children; may be given twice: "--server-pid 1,2")
// --consoles URLS (comma-separated http bases to log the agent in at, default --http; cluster mode: the agent
// may sit on another node than the shoppers) --connect-rate 500 --timeout-s 180 --msg-timeout-s 30 --label L
'use strict';
const fs = require('fs');
const { execSync } = require('child_process');
const { performance, monitorEventLoopDelay } = require('perf_hooks');
const { io } = require('socket.io-client');
const WebSocket = require('ws');

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
const num = (k, d) => (A[k] === undefined ? d : Number(A[k]));
const URLS = String(A.url || 'http://127.0.0.1:9092').split(',');
const CONSOLES = String(A.consoles || A.http || 'http://127.0.0.1:8080').split(',');
const NB = Math.floor(num('bot-clients', 500));
const NH = Math.floor(num('handoff-clients', 100));
const M = Math.floor(num('msgs', 20));
const INTERVAL = num('interval-ms', 1000);
const CONNECT_RATE = num('connect-rate', 500);
const TIMEOUT_S = num('timeout-s', 180);
const MSG_TIMEOUT_MS = num('msg-timeout-s', 30) * 1000;
const AGENT = A.agent || 'agent';
const PASSWORD = A.password || 'agent123';
const LABEL = A.label || null;
const PIDS = A['server-pid'] ? String(A['server-pid']).split(',').map(Number) : [];
const TEXTS = A['texts-file']
  ? fs.readFileSync(A['texts-file'], 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
  : ['请问什么时候发货？'];
const PERSON = ['转人工', '人工客服', '我要人工', '帮我转人工客服', '找你们客服', '人工客服在吗'];
const VPREFIX = A['visitor-prefix'] || `ho-${process.pid}-${Date.now().toString(36)}`;
for (const u of [...URLS, ...CONSOLES]) {
  const h = new URL(u).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(h)) { console.error(`refusing non-loopback ${u}`); process.exit(2); }
}

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
try { CLK_TCK = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100; } catch (e) { /* 100 */ }
function sampleProc(pid) { // CPU s and RSS of pid and its descendants
  try {
    const ppid = new Map(); const stat = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let s; try { s = fs.readFileSync(`/proc/${d}/stat`, 'utf8'); } catch (e) { continue; }
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      ppid.set(Number(d), Number(f[1])); stat.set(Number(d), (Number(f[11]) + Number(f[12])) / CLK_TCK);
    }
    if (!stat.has(pid)) return null;
    const tree = new Set([pid]); let grew = true;
    while (grew) { grew = false; for (const [p, pp] of ppid) if (!tree.has(p) && tree.has(pp)) { tree.add(p); grew = true; } }
    let cpu = 0, rssKB = 0;
    for (const p of tree) {
      cpu += stat.get(p) || 0;
      try { const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8')); if (m) rssKB += Number(m[1]); } catch (e) { /* gone */ }
    }
    return { cpuSec: cpu, rssMB: rssKB / 1024 };
  } catch (e) { return null; }
}
const sampleAll = () => PIDS.map(sampleProc);

// ---------------------------------------------------------------- agent console (STOMP over WebSocket)
function cookieJar() {
  const jar = new Map();
  return {
    take(res) {
      const all = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
      for (const c of all) { const kv = c.split(';')[0]; const i = kv.indexOf('='); jar.set(kv.slice(0, i), kv.slice(i + 1)); }
    },
    header() { return [...jar].map(([k, v]) => `${k}=${v}`).join('; '); },
  };
}
async function login(base) {
  const jar = cookieJar();
  let res = await fetch(`${base}/login`, { redirect: 'manual' });
  jar.take(res);
  const page = await res.text();
  const m = /name="([^"]+)"\s+value="([^"]+)"/.exec(page.slice(page.indexOf('type="hidden"') - 200));
  const tokenMatch = /name="_csrf"\s+value="([^"]+)"/.exec(page) || m;
  if (!tokenMatch) throw new Error('no CSRF token on /login');
  const body = new URLSearchParams({ username: AGENT, password: PASSWORD, _csrf: tokenMatch[1] });
  res = await fetch(`${base}/login`, { method: 'POST', body, redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(res);
  if (res.status !== 302 || String(res.headers.get('location') || '').includes('error')) throw new Error(`log-in refused (${res.status})`);
  res = await fetch(`${base}/api/me`, { headers: { cookie: jar.header() } });
  if (res.status !== 200) throw new Error(`/api/me answered ${res.status}`);
  const me = await res.json();
  return { cookie: jar.header(), csrf: me.csrf };
}

class Console {
  constructor(base) { this.base = base; this.subs = new Set(); this.nextId = 0; this.buf = ''; this.onPush = null; }
  async open() {
    const { cookie, csrf } = await login(this.base);
    const wsUrl = this.base.replace(/^http/, 'ws') + '/ws/console';
    this.ws = new WebSocket(wsUrl, ['v12.stomp'], { headers: { cookie, origin: this.base }, perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      this.ws.once('open', resolve); this.ws.once('error', reject);
    });
    const connected = new Promise((resolve, reject) => { this.connected = resolve; this.failed = reject; });
    this.ws.on('message', (data) => this.onData(String(data)));
    this.ws.on('close', () => { this.closed = true; if (!this.stopping) console.error(`console ${this.base}: socket closed`); });
    this.send('CONNECT', { 'accept-version': '1.2', host: new URL(this.base).host, 'heart-beat': '0,0', [csrf.headerName]: csrf.token });
    await Promise.race([connected, sleep(10000).then(() => { throw new Error('STOMP CONNECT timed out'); })]);
    this.subscribe('/topic/console/queue');
  }
  send(command, headers, body = '') {
    let f = `${command}\n`;
    for (const [k, v] of Object.entries(headers)) f += `${k}:${v}\n`;
    this.ws.send(`${f}\n${body}\0`);
  }
  subscribe(dest) {
    if (this.subs.has(dest)) return;
    this.subs.add(dest);
    this.send('SUBSCRIBE', { id: `s${this.nextId++}`, destination: dest });
  }
  onData(text) {
    this.buf += text;
    let i;
    while ((i = this.buf.indexOf('\0')) >= 0) {
      const frame = this.buf.slice(0, i).replace(/^[\r\n]+/, '');
      this.buf = this.buf.slice(i + 1);
      if (!frame) continue;
      const t = now();
      const sep = frame.indexOf('\n\n');
      const head = (sep >= 0 ? frame.slice(0, sep) : frame).split('\n');
      const body = sep >= 0 ? frame.slice(sep + 2) : '';
      const command = head[0];
      if (command === 'CONNECTED') this.connected();
      else if (command === 'ERROR' && this.stopping) { /* the server's answer to our DISCONNECT */ }
      else if (command === 'ERROR') { console.error(`STOMP ERROR: ${head.join(' | ')} ${body}`); if (this.failed) this.failed(new Error('STOMP ERROR')); }
      else if (command === 'MESSAGE' && this.onPush) {
        try { this.onPush(JSON.parse(body), t); } catch (e) { /* not JSON */ }
      }
    }
  }
  close() { this.stopping = true; try { this.send('DISCONNECT', {}); this.ws.close(); } catch (e) { /* closed */ } }
}

// ---------------------------------------------------------------- shoppers
const bot = { sent: 0, acked: 0, replies: 0, ackErrors: 0, timeouts: 0, ackLat: [], replyLat: [], replyFrom: {} };
const ho = { sent: 0, acked: 0, atConsole: 0, ackErrors: 0, timeouts: 0, ackLat: [], consoleLat: [], queuedReplies: 0 };
const shoppers = []; const byVisitor = new Map(); const byConversation = new Map();
let textCursor = 0; let connectFailed = 0; let disconnects = 0; let stopped = false;

function connectShopper(i, kind) {
  return new Promise((resolve) => {
    const visitor = `${VPREFIX}-${kind}-${i}`;
    const url = URLS[i % URLS.length];
    const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20000,
      query: { shop: 'default', visitor } });
    const c = { s, visitor, kind, pending: [], early: [], conversationId: null, subscribed: false, queued: false };
    s.on('message', (p) => onShopperMessage(c, p));
    s.on('disconnect', () => { if (!stopped) disconnects++; });
    s.once('connect', () => { shoppers.push(c); byVisitor.set(visitor, c); resolve(c); });
    s.once('connect_error', () => { connectFailed++; s.close(); resolve(null); });
  });
}
function onShopperMessage(c, p) {
  const t = now();
  if (p && p.conversationId && !c.conversationId) { c.conversationId = p.conversationId; byConversation.set(p.conversationId, c); }
  if (!p || (p.from !== 'bot' && p.from !== 'system')) return;
  if (c.kind === 'handoff') { if (c.measuring) ho.queuedReplies++; return; }
  const m = c.pending.find((x) => !x.replied);
  if (!m) return;
  if (m.ackSeq === null) { c.early.push({ seq: p.seq, t, from: p.from }); return; }
  if (p.seq > m.ackSeq) replied(c, m, t, p.from);
}
function replied(c, m, t, from) {
  m.replied = true;
  if (m.measured) { bot.replies++; bot.replyLat.push(t - m.t0); bot.replyFrom[from] = (bot.replyFrom[from] || 0) + 1; }
  done(c, m);
}
function done(c, m) {
  clearTimeout(m.timer);
  const i = c.pending.indexOf(m); if (i >= 0) c.pending.splice(i, 1);
  m.resolve();
}
function send(c, k, text, measured) {
  return new Promise((resolve) => {
    const m = { t0: now(), ackSeq: null, replied: false, atConsole: false, acked: false, measured, text, resolve };
    c.pending.push(m);
    const st = c.kind === 'bot' ? bot : ho;
    if (measured) st.sent++;
    m.timer = setTimeout(() => { if (measured) st.timeouts++; done(c, m); }, MSG_TIMEOUT_MS);
    c.s.emit('message', { clientMsgId: `${c.visitor}-${k}`, text }, (res) => {
      const t = now();
      if (!res || res.ok !== true) { if (measured) st.ackErrors++; done(c, m); return; }
      m.ackSeq = res.seq; m.acked = true;
      if (measured) { st.acked++; st.ackLat.push(t - m.t0); }
      if (c.kind === 'bot') {
        while (c.early.length) { const e = c.early.shift(); if (e.seq > m.ackSeq) { replied(c, m, e.t, e.from); return; } }
      } else if (m.atConsole) done(c, m);
    });
  });
}
function onConsolePush(p, t) {
  if (p.type === 'conversation' && p.conversation) {
    const c = byVisitor.get(p.conversation.visitorId);
    if (c && c.kind === 'handoff') {
      if (!c.conversationId) { c.conversationId = p.conversationId; byConversation.set(p.conversationId, c); }
      c.queued = true;
      for (const k of consoles) k.subscribe(`/topic/console/conversation/${p.conversationId}`);
      c.subscribed = true;
    }
    return;
  }
  if (p.type !== 'message' || !p.event || p.event.from !== 'shopper') return;
  const c = byConversation.get(p.conversationId);
  if (!c || c.kind !== 'handoff') return;
  const m = c.pending.find((x) => !x.atConsole && x.text === p.event.text);
  if (!m) return;
  m.atConsole = true;
  if (m.measured) { ho.atConsole++; ho.consoleLat.push(t - m.t0); }
  if (m.acked) done(c, m);
}

// ---------------------------------------------------------------- run
const consoles = [];
const cpu0 = process.cpuUsage();
const eld = monitorEventLoopDelay({ resolution: 10 }); eld.enable();
let srv0 = null, srvM = null, tMsg0 = null, tMsg1 = null, setup = {};
function result(hardStop) {
  const srv1 = sampleAll();
  const wall = tMsg0 === null ? 0 : (tMsg1 || now()) - tMsg0;
  const cpuMsg = srvM && srv1.every(Boolean) ? srv1.reduce((a, s, i) => a + s.cpuSec - srvM[i].cpuSec, 0) : null;
  const msgs = bot.acked + ho.acked;
  return {
    tool: 'xiaoer bench/handoff.js', label: LABEL, urls: URLS, consoles: CONSOLES, botClients: NB, handoffClients: NH,
    msgsPerClient: M, intervalMs: INTERVAL, connectFailed, disconnects, setup,
    wallMs: Math.round(wall), ackedPerSec: wall ? Math.round((msgs * 1000) / wall) : 0,
    repliesPerSec: wall ? Math.round(((bot.replies + ho.atConsole) * 1000) / wall) : 0,
    bot: { sent: bot.sent, acked: bot.acked, replies: bot.replies, ackErrors: bot.ackErrors, timeouts: bot.timeouts,
      replyFrom: bot.replyFrom, ackMs: summary(bot.ackLat), replyMs: summary(bot.replyLat) },
    handoff: { sent: ho.sent, acked: ho.acked, atConsole: ho.atConsole, ackErrors: ho.ackErrors, timeouts: ho.timeouts,
      queuedReplies: ho.queuedReplies, ackMs: summary(ho.ackLat), consoleMs: summary(ho.consoleLat) },
    server: srv1.every(Boolean) && srvM ? { cpuSecMessages: +cpuMsg.toFixed(2),
      cpuUsPerAckedMsg: msgs ? Math.round((cpuMsg * 1e6) / msgs) : null,
      rssMBEnd: Math.round(srv1.reduce((a, s) => a + s.rssMB, 0) * 10) / 10 } : null,
    loadgen: { cpuSec: +((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6).toFixed(2),
      loopDelayP99Ms: +(eld.percentile(99) / 1e6).toFixed(2) },
    hardStop,
  };
}
let finished = false;
function finish(hardStop, why) {
  if (finished) return; finished = true; stopped = true;
  if (why) console.error(why);
  const line = JSON.stringify(result(hardStop));
  for (const c of shoppers) try { c.s.close(); } catch (e) { /* closed */ }
  for (const k of consoles) k.close();
  process.stdout.write(line + '\n', () => setTimeout(() => process.exit(hardStop ? 3 : 0), 50));
  setTimeout(() => process.exit(hardStop ? 3 : 0), 2000).unref();
}
const hard = setTimeout(() => finish(true, 'hard stop'), TIMEOUT_S * 1000);
process.on('SIGTERM', () => finish(true, 'SIGTERM'));

(async () => {
  srv0 = sampleAll();
  for (const base of CONSOLES) { const k = new Console(base); k.onPush = onConsolePush; await k.open(); consoles.push(k); }
  // connect at the given rate
  const t0 = now(); const all = [];
  const total = NB + NH;
  for (let i = 0; i < total; i++) {
    if (CONNECT_RATE > 0) { const due = t0 + (i * 1000) / CONNECT_RATE; if (now() < due) await sleep(due - now()); }
    all.push(connectShopper(i, i < NH ? 'handoff' : 'bot'));
  }
  await Promise.all(all);
  setup.connectMs = Math.round(now() - t0);
  // hand-off shoppers ask for a person; the console subscribes to each queued conversation
  const th = now();
  const hoShoppers = shoppers.filter((c) => c.kind === 'handoff');
  await Promise.all(hoShoppers.map((c, i) => new Promise((resolve) => {
    c.s.emit('message', { clientMsgId: `${c.visitor}-person`, text: PERSON[i % PERSON.length] }, () => resolve());
  })));
  while (hoShoppers.some((c) => !c.subscribed) && now() - th < 30000) await sleep(100);
  setup.handedOff = hoShoppers.filter((c) => c.subscribed).length;
  setup.handoffSetupMs = Math.round(now() - th);
  await sleep(1000); // let the SUBSCRIBE frames land before measuring
  for (const c of hoShoppers) c.measuring = true;
  srvM = sampleAll();
  tMsg0 = now();
  await Promise.all(shoppers.map(async (c) => {
    const out = [];
    await sleep(Math.random() * INTERVAL);
    for (let k = 0; k < M && !stopped; k++) {
      out.push(send(c, k, TEXTS[(textCursor++) % TEXTS.length], true));
      if (k < M - 1) await sleep(INTERVAL * (0.8 + 0.4 * Math.random()));
    }
    await Promise.all(out);
  }));
  tMsg1 = now();
  clearTimeout(hard);
  finish(false);
})().catch((e) => finish(true, e && e.stack || String(e)));
