#!/usr/bin/env node
// CPU seconds per thread group of a process between two snapshots (/proc/PID/task/*/stat; thread names are the
// kernel's 15-character comm, trailing numbers dropped). Native threads (ONNX Runtime, GC, JIT) show up too, which a
// JFR execution profile does not sample.
//   node bench/thread-cpu.js snap PID > before.json ; ... ; node bench/thread-cpu.js diff PID before.json
'use strict';
const fs = require('fs');
const [cmd, pidArg, file] = process.argv.slice(2);
const pid = Number(pidArg);
const TCK = 100;
function snap() {
  const out = {};
  for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const s = fs.readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
      const name = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')).replace(/[-#]?\d+$/, '').replace(/-\d+-?$/, '');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out[t] = { name, cpu: (Number(f[11]) + Number(f[12])) / TCK };
    } catch (e) { /* thread gone */ }
  }
  return out;
}
if (cmd === 'snap') {
  process.stdout.write(JSON.stringify(snap()));
} else if (cmd === 'diff') {
  const before = JSON.parse(fs.readFileSync(file, 'utf8'));
  const after = snap();
  const byName = {};
  let total = 0;
  for (const [t, a] of Object.entries(after)) {
    const d = a.cpu - (before[t] ? before[t].cpu : 0);
    byName[a.name] = (byName[a.name] || 0) + d;
    total += d;
  }
  const rows = Object.entries(byName).filter(([, v]) => v > 0).sort((x, y) => y[1] - x[1]);
  console.log(`total ${total.toFixed(2)} CPU s`);
  for (const [n, v] of rows.slice(0, 20)) console.log(`${v.toFixed(2).padStart(8)}  ${(100 * v / total).toFixed(1).padStart(5)}%  ${n}`);
} else {
  console.error('usage: thread-cpu.js snap PID > f | thread-cpu.js diff PID f');
  process.exit(2);
}
