// The crowd of walls, a child process of the bench (crowd.ts starts it), so that receiving
// thousands of messages a second does not slow the bench's own producer. It obeys the bench's
// commands over IPC, one at a time, and answers each.
import type { CrowdCommand, CrowdReply, WallCount } from './crowdProtocol.ts';
import { connectCountingWall, type CountingWall } from './countingWalls.ts';

// Connecting all at once makes the relay build every snapshot at the same moment; a few at a time is how walls come up.
const CONNECT_BATCH = 10;

let walls: CountingWall[] = [];
let marks: WallCount[] = [];

const counts = (): WallCount[] => walls.map((wall) => ({ delivered: wall.delivered(), bytes: wall.bytes() }));

async function obey(command: CrowdCommand): Promise<CrowdReply> {
  switch (command.type) {
    case 'connect': {
      for (let i = 0; i < command.walls; i += CONNECT_BATCH) {
        const batch = Math.min(CONNECT_BATCH, command.walls - i);
        walls.push(...(await Promise.all(Array.from({ length: batch }, () => connectCountingWall(command.url, command.kind, command.attached)))));
      }
      marks = counts();
      return { type: 'done' };
    }
    case 'mark':
      marks = counts();
      return { type: 'done' };
    case 'read':
      return {
        type: 'counts',
        walls: counts().map((now, i) => ({ delivered: now.delivered - (marks[i]?.delivered ?? 0), bytes: now.bytes - (marks[i]?.bytes ?? 0) })),
      };
    case 'disconnect':
      for (const wall of walls) wall.close();
      walls = [];
      marks = [];
      return { type: 'done' };
  }
}

process.on('message', (command: CrowdCommand) => {
  obey(command).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies CrowdReply),
  );
});
// The bench going away ends the crowd too.
process.on('disconnect', () => process.exit(0));
