/**
 * CPU time of the whole browser launched by this Node process: the browser process and all its
 * descendants (GPU process with SwiftShader, renderers, utilities), read from /proc (Linux).
 * Each process counts utime+stime plus the times of children it has reaped (cutime+cstime), so a
 * renderer that exits during a measurement keeps its share in its parent's figure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Fields after the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null; // gone meanwhile
  }
}

function processKind(pid) {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
    const sub = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1];
    return type ? (sub ? `${type}:${sub.split('.')[0]}` : type) : 'browser';
  } catch {
    return 'gone';
  }
}

/** All processes under `rootPid` (excluding it): ticks per pid and the kind of each process. */
function descendants(rootPid) {
  const stats = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) stats.push(s);
  }
  const children = new Map();
  for (const s of stats) {
    if (!children.has(s.ppid)) children.set(s.ppid, []);
    children.get(s.ppid).push(s);
  }
  const found = [];
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length) {
    const s = queue.shift();
    found.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return found;
}

/** A snapshot of the browser's processes: total ticks, and ticks by process kind. */
export function cpuSnapshot(rootPid = process.pid) {
  const procs = descendants(rootPid).map((s) => ({ ...s, kind: processKind(s.pid) }));
  return { at: performance.now(), procs };
}

/** CPU between two snapshots as a percentage of one core, in total and by process kind. */
export function cpuBetween(a, b) {
  const wallSeconds = (b.at - a.at) / 1000;
  // Sums, not per-process deltas: a process that exits moves its ticks into its parent's cutime.
  const byKind = {};
  for (const [snap, sign] of [
    [a, -1],
    [b, 1],
  ])
    for (const p of snap.procs) byKind[p.kind] = (byKind[p.kind] ?? 0) + sign * p.ticks;
  const total = Object.values(byKind).reduce((x, y) => x + y, 0);
  const pct = (ticks) => (100 * ticks) / TICKS_PER_SECOND / wallSeconds;
  return {
    wallSeconds,
    cpuPercentOfOneCore: pct(total),
    byProcessKind: Object.fromEntries(Object.entries(byKind).map(([k, t]) => [k, pct(t)])),
    processes: b.procs.length,
  };
}
