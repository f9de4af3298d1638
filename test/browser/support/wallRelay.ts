// A relay for browser tests: in this process, fed from the test broker under a prefix of its
// own, serving the wall that the browser project's global setup built. It can be stopped and
// started again on the same port, as an operator would restart it under a running wall.
import { parseConfig, type RelayConfig } from '../../../relay/config.ts';
import { setLogLevel } from '../../../relay/log.ts';
import type { RunningRelay } from '../../../relay/relay.ts';
import { startRelay } from '../../../relay/start.ts';
import { WALL_BUILD_DIR } from '../../infra/wallBuildDir.ts';


export interface WallRelaySettings {
  brokers: string;
  prefix: string;
  tickHz?: number;
  wallToken?: string;
  /** Where the built wall is served from; the browser project's build by default. */
  wallDir?: string;
  /** The video wall's shape, as an operator sets it on the relay (WALL_SIZE, WALL_GRID, WALL_BEZEL). */
  wallShape?: { size: string; grid: string; bezel: number };
}

export class WallRelay {
  private constructor(
    private readonly config: RelayConfig,
    private running: RunningRelay | null,
    readonly port: number,
  ) {}

  /** A relay on a free port, once it has caught up with the topics. */
  static async start(settings: WallRelaySettings): Promise<WallRelay> {
    setLogLevel('error');
    const config = parseConfig([], {
      KAFKA_BROKERS: settings.brokers,
      TOPIC_PREFIX: settings.prefix,
      TICK_HZ: String(settings.tickHz ?? 4),
      WALL_DIR: settings.wallDir ?? WALL_BUILD_DIR,
      LOG_LEVEL: 'error',
      ...(settings.wallToken ? { WALL_TOKEN: settings.wallToken } : {}),
      ...(settings.wallShape
        ? { WALL_SIZE: settings.wallShape.size, WALL_GRID: settings.wallShape.grid, WALL_BEZEL: String(settings.wallShape.bezel) }
        : {}),
    });
    const running = await startRelay({ ...config, port: 0 });
    await running.caughtUp;
    return new WallRelay(config, running, running.port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  get relay(): RunningRelay {
    if (!this.running) throw new Error('the relay is stopped');
    return this.running;
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = null;
  }

  /** Starts it again on the same port (a rebuild from Kafka); resolves once caught up. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('the relay is still running');
    this.running = await startRelay({ ...this.config, port: this.port });
    await this.running.caughtUp;
  }
}
