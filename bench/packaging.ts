/**
 * Packaging part of `npm run bench` (alone: `npm run bench:packaging`): `require` time of each
 * compiled entry point next to bare cdk8s / cdktf (fresh process, median of 5), which engines each
 * entry loads, and `tsc --strict` of the README apps in a consumer project installed from the
 * packed tarball (the consumer test's project, kept for the measurement; median of 3).
 * Targets: `/core` <= 60 ms; the cluster-side entries load no cdktf; consumer tsc <= 5 s and <= 300 MB.
 */
import { execFileSync, spawnSync } from 'child_process';
import { rmSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Require time (ms) and the engines/providers loaded, in a fresh process run from `cwd`. */
function requireOnce(modulePath: string, cwd: string): { ms: number; engines: string[] } {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});const ms=Number(process.hrtime.bigint()-t)/1e6;
    const names=new Set();for(const f of Object.keys(require.cache)){const m=/node_modules\\/((@cdktf\\/)?[^/]+)\\//.exec(f.slice(f.lastIndexOf('node_modules/')));
    if(m&&/^(cdktf|cdk8s|cdk8s-plus-\\d+|@cdktf\\/provider-[a-z]+)$/.test(m[1]))names.add(m[1]);}
    process.stdout.write(JSON.stringify({ms,engines:[...names].sort()}))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' })) as { ms: number; engines: string[] };
}

/** Runs the packaging measurements, logging markdown lines. */
export function packagingBench(log: (line?: string) => void): void {
  log('## Packaging: entry points and the consumer project');
  log();
  // The consumer test packs (prepack builds build/), installs and checks; its project is kept here.
  const consumer = spawnSync(process.execPath, ['-r', './examples/register.js', 'test/consumer/run.ts'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, KEEP_CONSUMER: '1' },
  });
  const dir = /consumer test in (\S+)/.exec(consumer.stdout)?.[1];
  if (consumer.status !== 0 || !dir) {
    log(`consumer test failed: ${consumer.stdout}${consumer.stderr}`);
    return;
  }
  const app = join(dir, 'app');
  try {
    for (const line of consumer.stdout.split('\n').filter((l) => /tarball:|npm pack|npm install|constructs /.test(l))) {
      log(`- ${line.trim()}`);
    }
    log();
    log('| module (as a user requires it) | require ms (median of 5) | engines and providers loaded | target |');
    log('|---|---:|---|---|');
    const entries: [string, string][] = [
      ['cdk-external-secrets/core', '<= 60 ms, nothing loaded'],
      ['cdk-external-secrets/validation', 'nothing loaded'],
      ['cdk-external-secrets/k8s', 'no cdktf'],
      ['cdk-external-secrets/platform/k8s', 'no cdktf'],
      ['cdk-external-secrets/helm', ''],
      ['cdk-external-secrets/platform', ''],
      ['cdk8s', '(bare)'],
      ['cdktf', '(bare)'],
    ];
    for (const [entry, target] of entries) {
      const runs = Array.from({ length: 5 }, () => requireOnce(entry, app));
      const ms = median(runs.map((r) => r.ms));
      const engines = runs[0].engines;
      let verdict = target;
      if (entry.endsWith('/core')) {
        verdict = `${ms <= 60 && engines.length === 0 ? 'MET' : 'MISSED'} (${target})`;
      } else if (target === 'no cdktf') {
        verdict = `${engines.some((e) => e === 'cdktf' || e.startsWith('@cdktf/')) ? 'MISSED' : 'MET'} (${target})`;
      } else if (target === 'nothing loaded') {
        verdict = `${engines.length === 0 ? 'MET' : 'MISSED'} (${target})`;
      }
      log(`| ${entry} | ${ms.toFixed(0)} | ${engines.join(', ') || 'none'} | ${verdict} |`);
    }
    log();
    const script = `process.on('exit',()=>process.stderr.write('RSS='+process.resourceUsage().maxRSS+'\\n'));
      process.argv=[process.argv[0],'tsc','--strict','-p','.'];require(${JSON.stringify(join(ROOT, 'node_modules/typescript/lib/tsc.js'))});`;
    const tsc = Array.from({ length: 3 }, () => {
      const t = Date.now();
      const r = spawnSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
      return { s: (Date.now() - t) / 1000, mb: Number(/RSS=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024, ok: r.status === 0 };
    });
    const s = median(tsc.map((r) => r.s));
    const mb = median(tsc.map((r) => r.mb));
    log(`Consumer \`tsc --strict\` of the README apps (platform.ts, main.tf.ts, main.k8s.ts; median of 3): ${s.toFixed(1)} s, ${mb.toFixed(0)} MB peak RSS` +
      ` ${tsc.every((r) => r.ok) && s <= 5 && mb <= 300 ? 'MET' : 'MISSED'} (target <= 5 s and <= 300 MB)`);
    log();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  packagingBench((line = '') => process.stdout.write(`${line}\n`));
}
