#!/usr/bin/env node
// Markdown report of a bench run: node bench/report.js RESULTS_DIR (reads results.jsonl and meta.json).
'use strict';
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
if (!dir) { console.error('usage: node bench/report.js RESULTS_DIR'); process.exit(2); }
const rows = fs.readFileSync(path.join(dir, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let meta = {};
try { meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')); } catch (e) { /* none */ }

const median = (a) => {
  const s = a.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((x, y) => x - y);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : (+v).toFixed(d));
const ok = (r) => r && !r.error;
const errs = (r) => (r.counts ? r.counts.ackErrors + r.counts.ackTimeouts + r.counts.replyTimeouts + r.counts.lostOnDisconnect + r.connect.failed : 0);
const cpuPer1k = (r) => (r.server && r.counts && r.counts.acked ? (r.server.cpuSecMessages * 1000) / r.counts.acked : null);
const out = [];
const p = (s = '') => out.push(s);

p(`# xiaoer vs peer — ${meta.startedAt || ''}`);
p('');
const shownArgs = (meta.argv || []).filter((a, k, all) => !/app-under-test\.jar$/.test(a) && !(a === '--jar' && /app-under-test\.jar$/.test(all[k + 1] || '')));
p(`Command: \`bench/run.sh${shownArgs.length ? ' ' + shownArgs.join(' ') : ''}\` · ${meta.reps} rep(s) · ${meta.cpus} × ${meta.cpuModel || 'CPU'}, `
  + `${meta.memGB} GB · ${meta.java || ''} · Node ${meta.node || ''} · git ${meta.git || ''} · load average at start `
  + `${(meta.loadAvgAtStart || []).join(' ')}, at end ${(meta.loadAvgAtEnd || []).join(' ')} · ${meta.minutes || '?'} min`);
p('');

const targets = [];
const med = {};
function section(scenario, title) {
  const list = rows.filter((r) => r.scenario === scenario && (r.target === 'peer' || r.target === 'xiaoer'));
  if (!list.length) return;
  p(`## ${title}`);
  p('');
  p('| target | rep | replies/s | ack p50 | ack p99 | ack p99.9 | reply p50 | reply p99 | reply p99.9 | CPU s / 1k msgs | errors | bot/system replies | semantic share | load avg |');
  p('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of list) {
    const r = row.result;
    if (!ok(r)) { p(`| ${row.target} | ${row.rep} | failed: ${r && r.error} |`); continue; }
    const from = r.counts.replyFrom || {};
    p(`| ${row.target} | ${row.rep} | ${r.repliesPerSec} | ${f(r.ackMs.p50, 2)} | ${f(r.ackMs.p99, 2)} | ${f(r.ackMs.p999, 2)} | `
      + `${f(r.replyMs.p50, 2)} | ${f(r.replyMs.p99, 2)} | ${f(r.replyMs.p999, 2)} | ${f(cpuPer1k(r), 2)} | ${errs(r)} | `
      + `${from.bot || 0}/${from.system || 0} | ${row.xiaoer && row.xiaoer.semanticShare !== null ? row.xiaoer.semanticShare : '–'} | ${(row.loadAvg || [])[0] ?? '–'} |`);
  }
  p('');
  const metrics = { 'replies/s': (r) => r.repliesPerSec, 'ack p99 ms': (r) => r.ackMs.p99, 'reply p50 ms': (r) => r.replyMs.p50,
    'reply p99 ms': (r) => r.replyMs.p99, 'reply p99.9 ms': (r) => r.replyMs.p999, 'CPU s / 1k msgs': cpuPer1k };
  p('| metric | peer median | xiaoer median | xiaoer/peer |');
  p('|---|---|---|---|');
  med[scenario] = {};
  for (const [k, g] of Object.entries(metrics)) {
    const mp = median(list.filter((r) => r.target === 'peer' && ok(r.result)).map((r) => g(r.result)));
    const mx = median(list.filter((r) => r.target === 'xiaoer' && ok(r.result)).map((r) => g(r.result)));
    med[scenario][k] = { peer: mp, xiaoer: mx };
    p(`| ${k} | ${f(mp, 2)} | ${f(mx, 2)} | ${mp && mx !== null ? f(mx / mp, 3) : '–'} |`);
  }
  const x = list.filter((r) => r.target === 'xiaoer' && r.xiaoer);
  if (x.length) {
    const share = median(x.map((r) => r.xiaoer.semanticShare));
    const dec = {};
    for (const r of x) for (const [k, v] of Object.entries(r.xiaoer.decisions || {})) dec[k] = (dec[k] || 0) + v;
    p('');
    p(`xiaoer: semantic step ran for ${share === null ? '–' : (100 * share).toFixed(1) + ' %'} of the knowledge-base queries `
      + `(median over reps; KbMetrics semanticRuns/queries); bot decisions over all reps: ${JSON.stringify(dec)}.`);
  }
  p('');
}
section('closed', `Closed loop: ${meta.loads ? meta.loads.clients : ''} shoppers × ${meta.loads ? meta.loads.msgs : ''} messages (after ${meta.loads ? meta.loads.warm : ''} warm-up messages each)`);
section('paced', `Paced: ${meta.loads ? meta.loads.clients : ''} shoppers, 1 message/s each (±20 %), ${meta.loads ? meta.loads.pacedMsgs : ''} messages`);

const idle = rows.filter((r) => r.scenario === 'idle');
if (idle.length) {
  p(`## Idle: ${meta.loads ? meta.loads.idle : ''} connected widgets`);
  p('');
  p('Fresh processes, a full GC in both before the baseline (JVM: `jcmd GC.run`; peer: `global.gc()` on SIGUSR2 from a '
    + 'preloaded handler). "as is": RSS with the connections open minus the baseline; "after GC": the same after another '
    + 'full GC with the connections still open (garbage from the connect storm no longer counted). The JVM\'s live heap '
    + 'per connection is its heap after GC with the connections open minus after they closed.');
  p('');
  p('| target | rep | connected | RSS baseline MB | RSS idle MB | KB/conn as is | RSS after GC MB | KB/conn after GC | JVM live heap KB/conn |');
  p('|---|---|---|---|---|---|---|---|---|');
  for (const row of idle) {
    const r = row.result;
    if (!ok(r) || !r.hold) { p(`| ${row.target} | ${row.rep} | failed |`); continue; }
    p(`| ${row.target} | ${row.rep} | ${r.hold.alive} | ${f(r.server && r.server.rssMBStart)} | ${f(r.hold.rssMB)} | ${f(r.hold.rssKBPerConnection, 2)} | `
      + `${f(r.hold.rssMBAfterGc)} | ${f(r.hold.rssKBPerConnectionAfterGc, 2)} | ${f(r.hold.heapLiveKBPerConnection, 2)} |`);
  }
  const m = (t, k) => median(idle.filter((r) => r.target === t && ok(r.result) && r.result.hold).map((r) => r.result.hold[k]));
  med.idle = { peer: m('peer', 'rssKBPerConnection'), xiaoer: m('xiaoer', 'rssKBPerConnection'),
    peerGc: m('peer', 'rssKBPerConnectionAfterGc'), xiaoerGc: m('xiaoer', 'rssKBPerConnectionAfterGc') };
  p('');
  p(`Median KB per idle connection, as is: peer ${f(med.idle.peer, 2)}, xiaoer ${f(med.idle.xiaoer, 2)} `
    + `(ratio ${med.idle.peer ? f(med.idle.xiaoer / med.idle.peer, 2) : '–'}); after GC: peer ${f(med.idle.peerGc, 2)}, `
    + `xiaoer ${f(med.idle.xiaoerGc, 2)} (ratio ${med.idle.peerGc ? f(med.idle.xiaoerGc / med.idle.peerGc, 2) : '–'}).`);
  p('');
}

const ho = rows.filter((r) => r.scenario === 'handoff');
if (ho.length) {
  p(`## Hand-off (xiaoer): ${meta.loads ? meta.loads.hoAgent : ''} shoppers with a person, ${meta.loads ? meta.loads.hoBot : ''} with the bot, 1 message/s each`);
  p('');
  p('| rep | console p50 | console p99 | console p99.9 | at console | bot reply p50 | bot reply p99 | bot reply p99.9 | bot replies | ack p99 | CPU s / 1k msgs | timeouts |');
  p('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of ho) {
    const r = row.result;
    if (!ok(r)) { p(`| ${row.rep} | failed: ${r && r.error} |`); continue; }
    const n = r.bot.acked + r.handoff.acked;
    p(`| ${row.rep} | ${f(r.handoff.consoleMs.p50, 2)} | ${f(r.handoff.consoleMs.p99, 2)} | ${f(r.handoff.consoleMs.p999, 2)} | ${r.handoff.atConsole}/${r.handoff.sent} | `
      + `${f(r.bot.replyMs.p50, 2)} | ${f(r.bot.replyMs.p99, 2)} | ${f(r.bot.replyMs.p999, 2)} | ${r.bot.replies}/${r.bot.sent} | ${f(r.bot.ackMs.p99, 2)} | `
      + `${r.server && n ? f((r.server.cpuSecMessages * 1000) / n, 2) : '–'} | ${r.bot.timeouts + r.handoff.timeouts} |`);
  }
  const good = ho.filter((r) => ok(r.result));
  med.handoff = { console: median(good.map((r) => r.result.handoff.consoleMs.p99)), bot: median(good.map((r) => r.result.bot.replyMs.p99)) };
  p('');
}

const cl = rows.filter((r) => r.scenario === 'cluster' || r.scenario === 'cluster-handoff');
if (cl.length) {
  p('## Cluster (profile `cluster`: PostgreSQL + Redis, each node on its own core with taskset)');
  p('');
  const failed = cl.filter((r) => r.error);
  for (const r of failed) p(`- rep ${r.rep}: **did not run**: ${r.error}${r.tail ? `\n  \`${r.tail.slice(0, 600)}\`` : ''}`);
  const tp = cl.filter((r) => r.scenario === 'cluster' && r.result);
  if (tp.length) {
    p('| nodes | rep | replies/s (sum) | per node: replies/s, reply p50 / p99 ms, CPU s / 1k msgs |');
    p('|---|---|---|---|');
    for (const row of tp) {
      p(`| ${row.target} | ${row.rep} | ${row.result.repliesPerSec} | ${row.result.nodes.map((r) => (ok(r)
        ? `${r.repliesPerSec}/s, ${f(r.replyMs.p50, 1)} / ${f(r.replyMs.p99, 1)}, ${f(cpuPer1k(r), 2)}` : `failed: ${r.error}`)).join(' · ')} |`);
    }
    const one = median(tp.filter((r) => r.target === 'one-node').map((r) => r.result.repliesPerSec));
    const two = median(tp.filter((r) => r.target === 'two-nodes').map((r) => r.result.repliesPerSec));
    med.cluster = { one, two };
    p('');
    p(`Median replies/s: one node ${f(one, 0)}, two nodes ${f(two, 0)}, ratio ${one ? f(two / one, 2) : '–'}.`);
  }
  const ch = cl.filter((r) => r.scenario === 'cluster-handoff' && ok(r.result));
  if (ch.length) {
    p('');
    p('| cluster hand-off rep | console p50 | console p99 | console p99.9 | at console | bot reply p99 | bot replies |');
    p('|---|---|---|---|---|---|---|');
    for (const row of ch) {
      const r = row.result;
      p(`| ${row.rep} | ${f(r.handoff.consoleMs.p50, 2)} | ${f(r.handoff.consoleMs.p99, 2)} | ${f(r.handoff.consoleMs.p999, 2)} | ${r.handoff.atConsole}/${r.handoff.sent} | ${f(r.bot.replyMs.p99, 2)} | ${r.bot.replies}/${r.bot.sent} |`);
    }
  }
  p('');
}

// targets (issue 10)
p('## Targets');
p('');
p('| target | measured | verdict |');
p('|---|---|---|');
const verdict = (cond) => (cond === null ? 'not measured' : cond ? '**met**' : '**missed**');
const c = med.closed && med.closed['replies/s'];
if (c) { const r = c.peer && c.xiaoer !== null ? c.xiaoer / c.peer : null; p(`| closed-loop replies/s ≥ 0.5 × peer | ${f(c.xiaoer, 0)} vs ${f(c.peer, 0)} = ${f(r, 3)} × | ${verdict(r === null ? null : r >= 0.5)} |`); }
const pc = med.paced && med.paced['reply p99 ms'];
if (pc) { const r = pc.peer && pc.xiaoer !== null ? pc.xiaoer / pc.peer : null; p(`| paced bot-reply p99 ≤ 10 × peer p99 | ${f(pc.xiaoer, 2)} ms vs ${f(pc.peer, 2)} ms = ${f(r, 1)} × | ${verdict(r === null ? null : r <= 10)} |`); }
if (med.idle) {
  const r = med.idle.peer && med.idle.xiaoer !== null ? med.idle.xiaoer / med.idle.peer : null;
  const g = med.idle.peerGc && med.idle.xiaoerGc !== null ? med.idle.xiaoerGc / med.idle.peerGc : null;
  p(`| memory per idle connection ≤ 2 × peer (RSS delta as is) | ${f(med.idle.xiaoer, 2)} KB vs ${f(med.idle.peer, 2)} KB = ${f(r, 2)} × | ${verdict(r === null ? null : r <= 2)} |`);
  p(`| memory per idle connection ≤ 2 × peer (RSS delta after GC) | ${f(med.idle.xiaoerGc, 2)} KB vs ${f(med.idle.peerGc, 2)} KB = ${f(g, 2)} × | ${verdict(g === null ? null : g <= 2)} |`);
}
if (med.handoff) p(`| hand-off p99 ≤ bot-reply p99 (same run) | ${f(med.handoff.console, 2)} ms vs ${f(med.handoff.bot, 2)} ms | ${verdict(med.handoff.console === null || med.handoff.bot === null ? null : med.handoff.console <= med.handoff.bot)} |`);
if (med.cluster) { const r = med.cluster.one ? med.cluster.two / med.cluster.one : null; p(`| two cluster nodes ≥ 1.6 × one node | ${f(med.cluster.two, 0)} vs ${f(med.cluster.one, 0)} replies/s = ${f(r, 2)} × | ${verdict(r === null ? null : r >= 1.6)} |`); }
else if (cl.length) p('| two cluster nodes ≥ 1.6 × one node | cluster mode did not run | **not measured** |');
p('');
const logs = rows.filter((r) => r.scenario === 'log' && r.result && (r.result.error || r.result.warn));
for (const l of logs) p(`Note: xiaoer rep ${l.rep} logged ${l.result.error} ERROR and ${l.result.warn} WARN lines, first: \`${l.result.first}\``);
process.stdout.write(out.join('\n') + '\n');
