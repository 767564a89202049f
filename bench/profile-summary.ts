/**
 * Summarizes a V8 .cpuprofile (node --cpu-prof): self time per function and inclusive time per
 * function, top entries. Usage: node -r ./examples/register.js bench/profile-summary.ts <file.cpuprofile> [top] [under]
 * With `under` (a function name, e.g. `run`), only the samples below a frame of that name count: the
 * measured section without module loading.
 */
import { readFileSync } from 'fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: number[];
}

interface Profile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** Self and inclusive time (ms) per `file:function`, sorted by the chosen key. */
export function summarize(profile: Profile, under?: string): { self: [string, number][]; total: [string, number][]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  profile.nodes.forEach((n) => (n.children ?? []).forEach((c) => parent.set(c, n.id)));
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const label = (n: ProfileNode) => `${n.callFrame.url.replace(/^.*\/work\/[^/]+\//, '').replace(/^file:\/\//, '')}:${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalMs = 0;
  const below = (id: number) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)!.callFrame.functionName === under) {
        return true;
      }
    }
    return false;
  };
  for (const [id, ms] of selfById) {
    if (under !== undefined && !below(id)) {
      continue;
    }
    totalMs += ms;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (!seen.has(l)) {
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + ms);
      }
    }
  }
  const sort = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sort(self), total: sort(total), totalMs };
}

if (require.main === module) {
  const [file, top, under] = process.argv.slice(2);
  const { self, total, totalMs } = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, under);
  const n = Number(top ?? 25);
  const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)}%`;
  process.stdout.write(`total ${totalMs.toFixed(0)} ms\n\nSELF\n${self.slice(0, n).map(([l, ms]) => `${pct(ms).padStart(6)} ${ms.toFixed(0).padStart(6)} ms  ${l}`).join('\n')}\n`);
  process.stdout.write(`\nINCLUSIVE\n${total.slice(0, n * 2).map(([l, ms]) => `${pct(ms).padStart(6)} ${ms.toFixed(0).padStart(6)} ms  ${l}`).join('\n')}\n`);
}
