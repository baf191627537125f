#!/usr/bin/env node
// xiaoer vs the do-nothing socket.io peer, same load generator, same run (docs/benchmarks.md, "Widget server").
// Started by bench/run.sh, which builds the jar and installs the generator's npm packages first.
//
// Per repetition: a fresh peer and a fresh xiaoer (embedded default: H2 under a new data dir, starter knowledge base,
// demo data) are started; then every scenario runs against both, alternating which goes first from one repetition
// to the next:
//   idle     10,000 connected widgets that send nothing: RSS delta / connections (fresh processes, so run first)
//   closed   1,000 shoppers, closed loop (next message after the previous reply): replies/s, latencies
//   paced    1,000 shoppers, one message a second each (+/-20 %): ack and reply latency
//   handoff  xiaoer only: shoppers who asked for a person, their messages' arrival in the demo agent's console
//            (STOMP), measured in the same run as other shoppers' bot replies
// After the repetitions, the cluster scenario (profile "cluster", PostgreSQL + Redis): two nodes, each pinned to one
// core (taskset); closed loop on one node, then on both; then the hand-off with the agent on the other node.
//
// Options: --quick (1 rep, smaller loads) --reps N --scenarios idle,closed,paced,handoff,cluster --out DIR
//   --jar PATH --java-opts "..." --app-args "--prop=value ..." --profile (one extra closed-loop run of xiaoer under JFR, top frames printed)
//   --texts FILE --pg-url URL --redis-port P (a private redis-server is started there; --redis-url to use another)
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { spawn, execFileSync, spawnSync } = require('child_process');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { console.error(`unexpected argument ${a}`); process.exit(2); }
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = 'true';
  }
  return out;
}
const A = parseArgs(process.argv.slice(2));
const QUICK = A.quick === 'true';
const REPS = Number(A.reps || (QUICK ? 1 : 3));
const SCENARIOS = String(A.scenarios || 'idle,closed,paced,handoff,cluster').split(',');
const STAMP = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const OUT = path.resolve(A.out || path.join(HERE, 'results', STAMP));
const JAR = A.jar;
const TEXTS = path.resolve(A.texts || path.join(HERE, 'texts-zh.txt'));
const JAVA_OPTS = (A['java-opts'] || '').split(' ').filter(Boolean);
const APP_ARGS = (A['app-args'] || '').split(' ').filter(Boolean); // extra --property=value for xiaoer
const PG_URL = A['pg-url'] || 'postgresql://postgres@127.0.0.1:5432';
const REDIS_PORT = Number(A['redis-port'] || 6391);
const PROFILE = A.profile === 'true';

// loads (full run / --quick)
const L = QUICK
  ? { idle: 2000, clients: 300, msgs: 10, warm: 2, warmMsgs: 10, warmRounds: 2, pacedMsgs: 10, hoBot: 150, hoAgent: 50, hoMsgs: 8, clusterClients: 300, clusterMsgs: 10 }
  : { idle: 10000, clients: 1000, msgs: 20, warm: 3, warmMsgs: 10, warmRounds: 6, pacedMsgs: 15, hoBot: 500, hoAgent: 100, hoMsgs: 10, clusterClients: 1000, clusterMsgs: 8 };
for (const k of Object.keys(L)) if (A[k] !== undefined) L[k] = Number(A[k]);

const PORTS = { peer: 3101, xhttp: 8190, xws: 9190, c1http: 8191, c1ws: 9191, c2http: 8192, c2ws: 9192 };

fs.mkdirSync(OUT, { recursive: true });
const RESULTS = path.join(OUT, 'results.jsonl');
const log = (...a) => { const line = `[${new Date().toISOString().slice(11, 19)}] ${a.join(' ')}`; console.error(line); fs.appendFileSync(path.join(OUT, 'bench.log'), line + '\n'); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function record(obj) { fs.appendFileSync(RESULTS, JSON.stringify(obj) + '\n'); }

// ---------------------------------------------------------------- processes
const running = new Set();
function start(name, cmd, args, env = {}) {
  const out = fs.openSync(path.join(OUT, `${name}.log`), 'a');
  const p = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  p.name = name; p.exited = false;
  p.on('exit', (code) => { p.exited = true; p.code = code; running.delete(p); });
  running.add(p);
  return p;
}
function pause(p, on) { // SIGSTOP / SIGCONT the server process (not its group: the JVM or node is the process)
  if (!p || p.exited) return;
  try { process.kill(p.pid, on ? 'SIGSTOP' : 'SIGCONT'); } catch (e) { /* gone */ }
}
async function stop(p) {
  if (p && !p.exited) { try { process.kill(p.pid, 'SIGCONT'); } catch (e) { /* gone */ } }
  if (!p || p.exited) return;
  try { process.kill(-p.pid, 'SIGTERM'); } catch (e) { /* gone */ }
  for (let i = 0; i < 150 && !p.exited; i++) await sleep(100);
  if (!p.exited) { try { process.kill(-p.pid, 'SIGKILL'); } catch (e) { /* gone */ } await sleep(300); }
}
function killAll() { for (const p of running) { try { process.kill(p.pid, 'SIGCONT'); } catch (e) { /* gone */ } try { process.kill(-p.pid, 'SIGKILL'); } catch (e) { /* gone */ } } }
process.on('exit', killAll);
process.on('SIGINT', () => { killAll(); process.exit(130); });
process.on('SIGTERM', () => { killAll(); process.exit(143); });

// the server's pid inside a taskset/bash wrapper: the wrapper execs, so it is the same pid
async function waitHttp(url, p, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (p.exited) throw new Error(`${p.name} exited during start-up (see ${p.name}.log)`);
    try { const r = await fetch(url, { signal: AbortSignal.timeout(2000) }); if (r.status < 500) return; } catch (e) { /* not yet */ }
    await sleep(300);
  }
  throw new Error(`${p.name} did not answer ${url} within ${seconds}s`);
}

function startPeer() {
  // --expose-gc and a SIGUSR2 handler (preloaded, the peer's code is untouched): the idle scenario reads RSS after a GC
  return start(`peer-${Date.now()}`, process.execPath, ['--expose-gc', '-r', path.join(HERE, 'gc-on-signal.js'),
    path.join(HERE, 'echo-peer.js'), '--port', String(PORTS.peer)]);
}
function xiaoerArgs(dataDir, http, ws, extra = []) {
  return [...JAVA_OPTS, '-jar', JAR, `--xiaoer.data-dir=${dataDir}`, `--server.port=${http}`, `--xiaoer.widget.port=${ws}`,
    // one client IP drives thousands of shoppers: the per-visitor/per-IP limits are lifted (configuration, not code)
    '--xiaoer.widget.messages-per-minute-per-visitor=0', '--xiaoer.widget.messages-per-minute-per-ip=0',
    '--xiaoer.widget.new-conversations-per-hour-per-ip=0', '--xiaoer.widget.host=127.0.0.1', ...extra, ...APP_ARGS];
}

// ---------------------------------------------------------------- measurements
function node(script, args, timeoutS, onLine) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(HERE, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', errLine = '';
    const timer = setTimeout(() => { try { p.kill('SIGTERM'); } catch (e) { /* gone */ } }, (timeoutS + 60) * 1000);
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => {
      err += d; errLine += d;
      let i;
      while ((i = errLine.indexOf('\n')) >= 0) { const line = errLine.slice(0, i); errLine = errLine.slice(i + 1); if (onLine) onLine(line); }
    });
    p.on('exit', (code) => {
      clearTimeout(timer);
      const cleaned = err.split('\n').filter((l) => l && !l.startsWith('HOLD-SAMPLED')).join('\n');
      if (cleaned) fs.appendFileSync(path.join(OUT, 'generator.err'), cleaned + '\n');
      const last = out.trim().split('\n').pop();
      try { resolve(JSON.parse(last)); } catch (e) { resolve({ error: `no result (rc ${code})`, stderr: err.slice(-500) }); }
    });
  });
}
async function prometheus(http) {
  try {
    const text = await (await fetch(`http://127.0.0.1:${http}/actuator/prometheus`, { signal: AbortSignal.timeout(5000) })).text();
    const m = {};
    for (const line of text.split('\n')) {
      if (!line || line[0] === '#') continue;
      const sp = line.lastIndexOf(' ');
      m[line.slice(0, sp)] = Number(line.slice(sp + 1));
    }
    return m;
  } catch (e) { return {}; }
}
function promDelta(before, after) {
  const pick = (re) => {
    const out = {};
    for (const [k, v] of Object.entries(after)) {
      const mm = re.exec(k);
      if (mm) out[mm[1] || 'value'] = Math.round((out[mm[1] || 'value'] || 0) + v - (before[k] || 0));
    }
    return out;
  };
  const kb = pick(/^xiaoer_kb_(queries|lexical_sure|semantic_runs|cache_hits|overload_fallbacks)(?:_total)?(?:\{.*\})?$/);
  const decisions = pick(/^xiaoer_bot_decisions_total\{.*decision="([a-z]+)".*\}$/);
  const handoffs = pick(/^xiaoer_handoffs_total\{.*reason="([a-z_]+)".*\}$/);
  const acks = pick(/^xiaoer_widget_acks_total\{.*result="([a-z_]+)".*\}$/);
  return { kb, semanticShare: kb.queries ? +(kb.semantic_runs / kb.queries).toFixed(3) : null, decisions, handoffs, acks };
}
function jcmd(pid, ...args) {
  try { return execFileSync('jcmd', [String(pid), ...args], { encoding: 'utf8', timeout: 30000 }); } catch (e) { return ''; }
}
function heapUsedMB(pid) { // after a full GC: the live heap
  jcmd(pid, 'GC.run');
  const info = jcmd(pid, 'GC.heap_info');
  const m = /used (\d+)K/.exec(info);
  return m ? Number(m[1]) / 1024 : null;
}
function rssMB(pid) {
  try { const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8')); return m ? Number(m[1]) / 1024 : null; } catch (e) { return null; }
}
async function gcServer(target, pid) { // a full GC in either server, then a moment for the allocator to return memory
  if (target === 'xiaoer') jcmd(pid, 'GC.run'); else { try { process.kill(pid, 'SIGUSR2'); } catch (e) { /* gone */ } }
  await sleep(1500);
}
function loadAvg() { return os.loadavg().map((v) => +v.toFixed(2)); }

const common = ['--texts-file', TEXTS, '--transport', 'ws'];
async function runLoad(scenario, target, rep, url, pid, http) {
  const before = http ? await prometheus(http) : null;
  let args;
  if (scenario === 'idle') {
    args = ['--clients', L.idle, '--msgs', 0, '--hold-s', 5, '--hold-extra-s', 8, '--connect-rate', 1000, '--connect-concurrency', 500, '--timeout-s', 120];
    await gcServer(target, pid); // the baseline (load.js samples it first) is taken after a GC as well
  } else if (scenario === 'closed') {
    args = ['--clients', L.clients, '--msgs', L.msgs, '--warmup', L.warm, '--timeout-s', 240, '--msg-timeout-s', 60];
  } else if (scenario === 'paced') {
    args = ['--clients', L.clients, '--msgs', L.pacedMsgs, '--interval-ms', 1000, '--warmup', 1, '--timeout-s', 180, '--msg-timeout-s', 30];
  }
  const t0 = Date.now();
  const la = loadAvg();
  let held = null;
  const r = await node('load.js', ['--url', url, '--server-pid', String(pid), '--label', `${target}-${scenario}-r${rep}`,
    '--visitor-prefix', `${target[0]}${rep}${scenario}${STAMP.slice(9, 15)}`, ...common, ...args.map(String)], 300, (line) => {
    // the idle connections are still open: GC, then RSS (both servers) and the JVM's live heap
    if (line.startsWith('HOLD-SAMPLED')) {
      held = (async () => {
        await gcServer(target, pid);
        const out = { rssMBAfterGc: rssMB(pid) };
        if (target === 'xiaoer') { const m = /used (\d+)K/.exec(jcmd(pid, 'GC.heap_info')); out.heapLiveMB = m ? Number(m[1]) / 1024 : null; }
        return out;
      })();
    }
  });
  if (held && r.hold) {
    const h = await held;
    const base = r.server ? r.server.rssMBStart : null;
    r.hold.rssMBAfterGc = h.rssMBAfterGc === null ? null : +h.rssMBAfterGc.toFixed(1);
    r.hold.rssKBPerConnectionAfterGc = h.rssMBAfterGc !== null && base !== null && r.hold.alive
      ? +(((h.rssMBAfterGc - base) * 1024) / r.hold.alive).toFixed(2) : null;
    if (target === 'xiaoer' && h.heapLiveMB !== null) {
      await sleep(2000);
      const after = heapUsedMB(pid); // connections closed
      r.hold.heapLiveMBWith = +h.heapLiveMB.toFixed(1);
      r.hold.heapLiveMBAfterClose = after === null ? null : +after.toFixed(1);
      r.hold.heapLiveKBPerConnection = after === null ? null : +(((h.heapLiveMB - after) * 1024) / r.hold.alive).toFixed(2);
    }
  }
  const extra = http ? promDelta(before, await prometheus(http)) : null;
  record({ scenario, target, rep, startedAt: new Date(t0).toISOString(), loadAvg: la, seconds: Math.round((Date.now() - t0) / 1000), result: r, xiaoer: extra });
  log(`  ${scenario} ${target} r${rep}: ${brief(scenario, r)}${extra && extra.kb.queries ? ` semantic ${extra.semanticShare}` : ''}`);
  return r;
}
function brief(s, r) {
  if (!r || r.error) return `FAILED ${r && r.error}`;
  if (s === 'idle') return `${r.hold ? r.hold.alive : '?'} idle, RSS ${r.hold ? r.hold.rssKBPerConnection : '?'} KB/conn (after GC ${r.hold ? r.hold.rssKBPerConnectionAfterGc : '?'})`;
  if (r.handoff) return `bot reply p99 ${r.bot.replyMs.p99} ms, console p99 ${r.handoff.consoleMs.p99} ms`;
  const e = r.counts ? r.counts.ackErrors + r.counts.ackTimeouts + r.counts.replyTimeouts + r.counts.lostOnDisconnect : 0;
  return `${r.repliesPerSec} replies/s, reply p50 ${r.replyMs.p50} p99 ${r.replyMs.p99} ms, ${r.server ? r.server.cpuUsPerAckedMsg : '?'} us CPU/msg, errors ${e}`;
}

// ---------------------------------------------------------------- embedded repetitions
async function embeddedRep(rep) {
  log(`rep ${rep}: starting peer and xiaoer (fresh data dir)`);
  const dataDir = path.join(OUT, `data-r${rep}`);
  const peer = startPeer();
  const x = start(`xiaoer-r${rep}`, 'java', xiaoerArgs(dataDir, PORTS.xhttp, PORTS.xws));
  await waitHttp(`http://127.0.0.1:${PORTS.peer}/socket.io/?EIO=4&transport=polling`, peer, 30);
  const t0 = Date.now();
  await waitHttp(`http://127.0.0.1:${PORTS.xhttp}/actuator/health`, x, 240);
  await waitHttp(`http://127.0.0.1:${PORTS.xws}/socket.io/?EIO=4&transport=polling`, x, 30);
  log(`  xiaoer up in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${x.pid})`);
  const targets = rep % 2 === 1 ? ['peer', 'xiaoer'] : ['xiaoer', 'peer'];
  const url = { peer: `http://127.0.0.1:${PORTS.peer}`, xiaoer: `http://127.0.0.1:${PORTS.xws}` };
  const pid = { peer: peer.pid, xiaoer: x.pid };
  for (const s of ['idle', 'warmup', 'closed', 'paced']) {
    if (s === 'warmup' && (SCENARIOS.includes('closed') || SCENARIOS.includes('paced'))) {
      // after the idle scenario (which wants fresh processes): the same unrecorded closed-loop warm-up for both
      // servers, so the JVM's JIT has compiled the message path before anything is measured
      for (const t of targets) {
        pause(t === 'peer' ? x : peer, true);
        await warmUp(t, url[t], t === 'xiaoer' ? x.pid : peer.pid, `${t[0]}${rep}`);
        pause(t === 'peer' ? x : peer, false);
      }
      continue;
    }
    if (!SCENARIOS.includes(s)) continue;
    for (const t of targets) {
      // the other server is frozen (SIGSTOP) meanwhile: a JVM's background work (JIT, H2's writer, routing ticks)
      // must not take the cores from the peer's run, nor the peer's from xiaoer's
      const other = t === 'peer' ? x : peer;
      pause(other, true);
      try {
        await runLoad(s, t, rep, url[t], pid[t], t === 'xiaoer' ? PORTS.xhttp : null);
      } finally {
        pause(other, false);
      }
      await sleep(1500);
    }
  }
  if (SCENARIOS.includes('handoff')) {
    const before = await prometheus(PORTS.xhttp);
    const la = loadAvg();
    const r = await node('handoff.js', ['--url', url.xiaoer, '--http', `http://127.0.0.1:${PORTS.xhttp}`, '--bot-clients', L.hoBot,
      '--handoff-clients', L.hoAgent, '--msgs', L.hoMsgs, '--interval-ms', 1000, '--texts-file', TEXTS,
      '--server-pid', x.pid, '--label', `xiaoer-handoff-r${rep}`, '--timeout-s', 180].map(String), 180);
    const extra = promDelta(before, await prometheus(PORTS.xhttp));
    record({ scenario: 'handoff', target: 'xiaoer', rep, loadAvg: la, result: r, xiaoer: extra });
    log(`  handoff xiaoer r${rep}: ${brief('handoff', r)}`);
  }
  const errors = countLogProblems(path.join(OUT, `xiaoer-r${rep}.log`));
  record({ scenario: 'log', target: 'xiaoer', rep, result: errors });
  if (errors.error + errors.warn) log(`  xiaoer log: ${errors.error} ERROR, ${errors.warn} WARN lines (${errors.first || ''})`);
  await stop(peer);
  await stop(x);
  const dbBytes = dirBytes(dataDir);
  record({ scenario: 'datadir', target: 'xiaoer', rep, result: { bytes: dbBytes } });
  log(`  xiaoer data dir after the run: ${(dbBytes / 1048576).toFixed(1)} MB`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
// bytes of the files under a directory (the H2 database's size after a run: compaction keeps it from growing)
function dirBytes(dir) {
  let total = 0;
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      total += e.isDirectory() ? dirBytes(p) : e.isFile() ? fs.statSync(p).size : 0;
    }
  } catch (e) { /* gone or unreadable */ }
  return total;
}
function countLogProblems(file) {
  let error = 0, warn = 0, first = null;
  try {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (/ ERROR /.test(line)) { error++; first = first || line.slice(0, 240); }
      else if (/ WARN /.test(line) && !/SpringDoc|spring.jpa|HHH|deprecat/i.test(line)) { warn++; first = first || line.slice(0, 240); }
    }
  } catch (e) { /* no log */ }
  return { error, warn, first };
}

// ---------------------------------------------------------------- warm-up
// Unrecorded closed-loop rounds (fresh shoppers each round) until the JIT has compiled the message path: on this box
// the JVM's C2 compiler still takes ~30 % of the CPU after one round of 10,000 messages and under 5 % after six, so a
// measurement after one round would mostly measure compilation (a server that has run for minutes does not pay it).
// Both servers get the same rounds; the last round's C2 share is logged so a run shows whether it settled.
async function warmUp(target, url, pid, tag) {
  for (let round = 1; round <= L.warmRounds; round++) {
    const before = target === 'xiaoer' ? compilerTicks(pid) : 0;
    const w = await node('load.js', ['--url', url, '--clients', String(L.clients), '--msgs', String(L.warmMsgs),
      '--visitor-prefix', `${tag}warm${round}${STAMP.slice(9, 15)}`, ...common, '--timeout-s', '240', '--msg-timeout-s', '60',
      '--server-pid', String(pid)], 240);
    const c2 = target === 'xiaoer' && w.server && w.server.cpuSecTotal ? ` (C2 compiler ${(((compilerTicks(pid) - before) / TICKS) / w.server.cpuSecTotal * 100).toFixed(1)} % of the CPU)` : '';
    log(`  warm-up ${target} ${tag} round ${round}/${L.warmRounds}: ${w.error ? 'FAILED ' + w.error : `${w.counts.acked} messages, ${w.repliesPerSec} replies/s${c2}`}`);
  }
}
const TICKS = 100; // USER_HZ
function compilerTicks(pid) { // CPU ticks of the JVM's C2 compiler threads, from /proc
  let t = 0;
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      let stat;
      try { stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'); } catch (e) { continue; }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!name.startsWith('C2 Compiler')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      t += Number(f[11]) + Number(f[12]);
    }
  } catch (e) { /* gone */ }
  return t;
}

// ---------------------------------------------------------------- profile (JFR, one closed-loop run)
async function profileRun() {
  log('profile: xiaoer under JFR, closed loop');
  const dataDir = path.join(OUT, 'data-profile');
  const jfr = path.join(OUT, 'closed-loop.jfr');
  // JFR runs from the start, in memory: starting it only before the measured phase made the JVM throw away and
  // recompile its compiled code (C2 took ~30 % of the profiled phase however long the warm-up was)
  const x = start('xiaoer-profile', 'java', ['-XX:StartFlightRecording=name=boot,settings=profile,disk=false,maxage=2m',
    ...xiaoerArgs(dataDir, PORTS.xhttp, PORTS.xws)]);
  await waitHttp(`http://127.0.0.1:${PORTS.xhttp}/actuator/health`, x, 240);
  await waitHttp(`http://127.0.0.1:${PORTS.xws}/socket.io/?EIO=4&transport=polling`, x, 30);
  // warm the JIT first (unrecorded, the same warm-up as the measured runs), then record only the closed loop
  await warmUp('xiaoer', `http://127.0.0.1:${PORTS.xws}`, x.pid, 'p');
  jcmd(x.pid, 'JFR.start', 'name=bench', 'settings=profile');
  const snap = path.join(OUT, 'threads-before.json');
  fs.writeFileSync(snap, execFileSync(process.execPath, [path.join(HERE, 'thread-cpu.js'), 'snap', String(x.pid)]));
  await runLoad('closed', 'xiaoer', 0, `http://127.0.0.1:${PORTS.xws}`, x.pid, PORTS.xhttp);
  const threads = execFileSync(process.execPath, [path.join(HERE, 'thread-cpu.js'), 'diff', String(x.pid), snap], { encoding: 'utf8' });
  jcmd(x.pid, 'JFR.dump', 'name=bench', `filename=${jfr}`);
  await stop(x);
  log(`  xiaoer data dir after the profiled run: ${(dirBytes(dataDir) / 1048576).toFixed(1)} MB`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const jfrTop = (...extra) => spawnSync('python3', [path.join(HERE, 'jfr-top.py'), jfr, '--top', '20', ...extra], { encoding: 'utf8' }).stdout;
  const top = `${jfrTop()}\n# widget lanes only\n${jfrTop('--thread', 'xiaoer-widget')}\n# store writer only\n${jfrTop('--thread', 'xiaoer-conversations-writer')}`;
  fs.writeFileSync(path.join(OUT, 'profile.txt'), `## CPU by thread (closed loop)\n${threads}\n${top}`);
  log(`profile written to ${path.join(OUT, 'profile.txt')}`);
}

// ---------------------------------------------------------------- cluster
async function clusterRep(rep, redisUrl) {
  const db = `xiaoer_bench_${STAMP.toLowerCase().replace(/[^0-9a-z]/g, '')}_${rep}`;
  const createdb = spawnSync('createdb', ['-h', '127.0.0.1', '-U', 'postgres', db], { encoding: 'utf8' });
  if (createdb.status !== 0) { log(`cluster: createdb failed: ${createdb.stderr.trim()}`); record({ scenario: 'cluster', rep, error: `createdb: ${createdb.stderr.trim()}` }); return; }
  spawnSync('redis-cli', ['-u', redisUrl, 'flushall']);
  const jdbc = `jdbc:postgresql://127.0.0.1:5432/${db}`;
  const nodes = [];
  try {
    for (const [i, http, ws] of [[1, PORTS.c1http, PORTS.c1ws], [2, PORTS.c2http, PORTS.c2ws]]) {
      const dataDir = path.join(OUT, `data-c${rep}-${i}`);
      nodes.push(start(`cluster-r${rep}-node${i}`, 'taskset', ['-c', String(i - 1), 'java', ...xiaoerArgs(dataDir, http, ws, [
        '--spring.profiles.active=cluster', `--spring.datasource.url=${jdbc}`, '--spring.datasource.username=postgres',
        `--xiaoer.cluster.redis-url=${redisUrl}`, `--xiaoer.cluster.node-id=bench-node${i}`, '--xiaoer.shop.damage.token-secret=bench-upload-secret'])]));
      nodes[nodes.length - 1].http = http; nodes[nodes.length - 1].ws = ws;
      if (i === 1) await sleep(8000); // let node 1 run the migrations first
    }
    for (const n of nodes) {
      await waitHttp(`http://127.0.0.1:${n.http}/actuator/health`, n, 300);
      await waitHttp(`http://127.0.0.1:${n.ws}/socket.io/?EIO=4&transport=polling`, n, 30);
    }
  } catch (e) {
    log(`cluster r${rep}: did not start: ${e.message}`);
    const tail = nodes.map((n) => `${n.name}: ${lastLines(path.join(OUT, `${n.name}.log`), 5)}`).join('\n');
    record({ scenario: 'cluster', rep, error: `start: ${e.message}`, tail });
    for (const n of nodes) await stop(n);
    spawnSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', db]);
    return;
  }
  log(`cluster r${rep}: two nodes up (cores 0 and 1), db ${db}`);
  const perNode = (list, clients, tag) => {
    // one generator per node, started together; each prints its JSON line
    const procs = list.map((n, i) => new Promise((resolve) => {
      const args = [path.join(HERE, 'load.js'), '--url', `http://127.0.0.1:${n.ws}`, '--server-pid', String(n.pid),
        '--clients', String(Math.floor(clients / list.length)), '--msgs', String(L.clusterMsgs), '--warmup', String(L.warm),
        '--timeout-s', '240', '--msg-timeout-s', '60', '--label', `${tag}-n${i + 1}`,
        '--visitor-prefix', `c${rep}${tag}${i}${STAMP.slice(9, 15)}`, ...common];
      const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => { out += d; });
      p.stderr.on('data', (d) => fs.appendFileSync(path.join(OUT, 'generator.err'), d));
      p.on('exit', () => { try { resolve(JSON.parse(out.trim().split('\n').pop())); } catch (e) { resolve({ error: 'no result' }); } });
    }));
    return Promise.all(procs);
  };
  const order = rep % 2 === 1 ? ['one', 'two'] : ['two', 'one'];
  for (const which of order) {
    const la = loadAvg();
    const rs = await perNode(which === 'one' ? [nodes[0]] : nodes, L.clusterClients, which);
    const replies = rs.reduce((a, r) => a + (r.repliesPerSec || 0), 0);
    record({ scenario: 'cluster', target: which === 'one' ? 'one-node' : 'two-nodes', rep, loadAvg: la, result: { repliesPerSec: replies, nodes: rs } });
    log(`  cluster ${which} node(s) r${rep}: ${replies} replies/s (${rs.map((r) => r.error || `${r.repliesPerSec}/s p99 ${r.replyMs && r.replyMs.p99}`).join(', ')})`);
    await sleep(1500);
  }
  // hand-off across nodes: shoppers on both nodes, the agent logged in on node 2
  const r = await node('handoff.js', ['--url', nodes.map((n) => `http://127.0.0.1:${n.ws}`).join(','), '--consoles', `http://127.0.0.1:${nodes[1].http}`,
    '--bot-clients', L.hoBot, '--handoff-clients', L.hoAgent, '--msgs', L.hoMsgs, '--interval-ms', 1000, '--texts-file', TEXTS,
    '--server-pid', nodes.map((n) => n.pid).join(','), '--label', `cluster-handoff-r${rep}`, '--timeout-s', 180].map(String), 180);
  record({ scenario: 'cluster-handoff', target: 'two-nodes', rep, result: r });
  log(`  cluster handoff r${rep}: ${brief('handoff', r)}`);
  for (const n of nodes) {
    const e = countLogProblems(path.join(OUT, `${n.name}.log`));
    if (e.error + e.warn) log(`  ${n.name} log: ${e.error} ERROR, ${e.warn} WARN (${e.first || ''})`);
  }
  for (const n of nodes) await stop(n);
  for (const i of [1, 2]) fs.rmSync(path.join(OUT, `data-c${rep}-${i}`), { recursive: true, force: true });
  spawnSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', db]);
}
function lastLines(file, n) {
  try { return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-n).join(' | ').slice(0, 1500); } catch (e) { return ''; }
}

// ---------------------------------------------------------------- main
(async () => {
  if (!JAR || !fs.existsSync(JAR)) { console.error(`no jar at ${JAR}`); process.exit(2); }
  const meta = { startedAt: new Date().toISOString(), argv: process.argv.slice(2), quick: QUICK, reps: REPS, loads: L,
    scenarios: SCENARIOS, host: os.hostname(), cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model,
    memGB: +(os.totalmem() / 2 ** 30).toFixed(1), loadAvgAtStart: loadAvg(), node: process.version,
    java: spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0], jar: JAR,
    git: spawnSync('git', ['-C', ROOT, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).stdout.trim() };
  fs.writeFileSync(path.join(OUT, 'meta.json'), JSON.stringify(meta, null, 1));
  log(`results in ${OUT} (reps ${REPS}${QUICK ? ', quick' : ''}; load average ${meta.loadAvgAtStart.join(' ')})`);
  const t0 = Date.now();
  if (PROFILE) await profileRun();
  const embedded = SCENARIOS.filter((s) => ['idle', 'closed', 'paced', 'handoff'].includes(s));
  if (embedded.length) for (let rep = 1; rep <= REPS; rep++) await embeddedRep(rep);
  if (SCENARIOS.includes('cluster')) {
    let redisUrl = A['redis-url'];
    let redis = null;
    if (!redisUrl) {
      redis = start('redis', 'redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
      await sleep(500);
      redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
    }
    for (let rep = 1; rep <= REPS; rep++) await clusterRep(rep, redisUrl);
    await stop(redis);
  }
  meta.finishedAt = new Date().toISOString();
  meta.minutes = +((Date.now() - t0) / 60000).toFixed(1);
  meta.loadAvgAtEnd = loadAvg();
  fs.writeFileSync(path.join(OUT, 'meta.json'), JSON.stringify(meta, null, 1));
  const rep = spawnSync(process.execPath, [path.join(HERE, 'report.js'), OUT], { encoding: 'utf8' });
  fs.writeFileSync(path.join(OUT, 'report.md'), rep.stdout);
  process.stdout.write(rep.stdout);
  if (rep.stderr) process.stderr.write(rep.stderr);
  log(`done in ${meta.minutes} min; report: ${path.join(OUT, 'report.md')}`);
  process.exit(0);
})().catch((e) => { log(`FAILED: ${e && e.stack || e}`); killAll(); process.exit(1); });
