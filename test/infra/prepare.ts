// Before the tests: make sure the real parts they need are on this machine, installing what is
// missing — Debian's Chromium, Mesa's EGL for WebGL, CJK fonts, the Kafka jars, and Prometheus
// (which scrapes the relay in the fault suite).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.ts';
import { ensureKafkaJars } from './kafkaJars.ts';
import { ensurePrometheus } from './prometheus.ts';

const DEBIAN_PACKAGES = ['chromium', 'fonts-noto-cjk', 'libegl1', 'libgl1-mesa-dri'];

function missingDebianPackages(): string[] {
  return DEBIAN_PACKAGES.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !r.stdout.includes('install ok installed');
  });
}

function installDebianPackages(names: string[]) {
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`missing Debian packages ${names.join(' ')}; install them as root: apt-get install -y ${names.join(' ')}`);
  }
  console.log(`prepare: installing ${names.join(', ')} from Debian (apt-get)…`);
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, ...args];
    execFileSync(cmd!, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...names]);
}

const missing = process.env.CHROMIUM_PATH ? [] : missingDebianPackages();
if (missing.length > 0) installDebianPackages(missing);
if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium still missing at ${CHROMIUM_PATH}`);
const version = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(`prepare: ${version}, CJK fonts and Mesa EGL present`);

if (!process.env.KAFKA_BROKERS) {
  ensureKafkaJars();
  console.log('prepare: Apache Kafka jars cached for the test broker');
}

ensurePrometheus();
console.log("prepare: Debian's Prometheus cached for the fault suite");
