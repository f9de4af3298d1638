// The bench's handle on its crowd of walls: a child process (crowdMain.ts) that connects walls to
// a relay and reports what each was shown and received. Commands go one at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { cancelKillOnExit, killOnExit, terminate } from '../../infra/processControl.ts';
import type { AttachedWhen, CrowdCommand, CrowdReply, WallCount, WallKind } from './crowdProtocol.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REPLY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

export interface Crowd {
  /** Resolves once every wall is attached: by default, once our relay's walls have their snapshot. */
  connect(url: string, walls: number, kind: WallKind, attached?: AttachedWhen): Promise<void>;
  /** Counts start from zero now. */
  mark(): Promise<void>;
  read(): Promise<WallCount[]>;
  disconnect(): Promise<void>;
  close(): Promise<void>;
}

function ask(child: ChildProcess, command: CrowdCommand): Promise<CrowdReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`the crowd did not answer "${command.type}" in ${REPLY_TIMEOUT_MS / 1000} s`)), REPLY_TIMEOUT_MS);
    const onReply = (reply: CrowdReply) => finish(null, reply);
    const onExit = () => finish(new Error(`the crowd exited while asked "${command.type}"`));
    function finish(error: Error | null, reply?: CrowdReply) {
      clearTimeout(timer);
      child.off('message', onReply);
      child.off('exit', onExit);
      if (error) reject(error);
      else if (reply?.type === 'failed') reject(new Error(`crowd: ${reply.message}`));
      else resolve(reply!);
    }
    child.on('message', onReply);
    child.once('exit', onExit);
    child.send(command);
  });
}

export async function startCrowd(): Promise<Crowd> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/crowd/crowdMain.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('cannot start the crowd of walls');
  killOnExit(pid);
  await Promise.race([once(child, 'spawn'), once(child, 'error').then(([error]) => Promise.reject(error as Error))]);
  // One command at a time: each waits for the one before.
  let queue: Promise<unknown> = Promise.resolve();
  const send = (command: CrowdCommand) => {
    const reply = queue.then(() => ask(child, command));
    queue = reply.catch(() => undefined);
    return reply;
  };
  return {
    connect: async (url, walls, kind, attached = 'snapshot') => void (await send({ type: 'connect', url, walls, kind, attached })),
    mark: async () => void (await send({ type: 'mark' })),
    async read() {
      const reply = await send({ type: 'read' });
      if (reply.type !== 'counts') throw new Error('the crowd answered "read" without counts');
      return reply.walls;
    },
    disconnect: async () => void (await send({ type: 'disconnect' })),
    async close() {
      if (child.connected) child.disconnect();
      await terminate(pid, STOP_GRACE_MS);
      cancelKillOnExit(pid);
    },
  };
}
