// Preloaded into the peer by the bench (node --expose-gc -r ./gc-on-signal.js echo-peer.js): SIGUSR2 runs a full
// garbage collection, so the idle-widget scenario can read both servers' RSS after a GC (the JVM's comes from
// `jcmd <pid> GC.run`). The peer itself is unchanged.
'use strict';
process.on('SIGUSR2', () => { if (typeof global.gc === 'function') global.gc(); });
