// relay/main.ts with a full garbage collection once a second (node --expose-gc), so that the
// low points of its heap are what it holds, not how long ago V8 last chose to collect its old
// generation: a test that asks whether the heap grows then measures the relay, not V8's timing.
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');
setInterval(collect, 1_000).unref();
await import('../../../relay/main.ts');

export {};
