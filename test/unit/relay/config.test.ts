import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../relay/config.ts';

const configError = (argv: string[], env: Record<string, string>) => {
  try {
    parseConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('relay configuration', () => {
  it('defaults to the embedded demo on port 8080 at 4 Hz in Shanghai time', () => {
    expect(parseConfig([], {})).toMatchObject({
      port: 8080,
      kafkaBrokers: null,
      topicPrefix: 'shiquan',
      tickHz: 4,
      timeZone: 'Asia/Shanghai',
      wallToken: null,
      demoDay: '2019-06-05',
      demoPace: 10,
      logLevel: 'warn',
      allowedHosts: [],
      allowedOrigins: [],
      handshakeRate: 20,
    });
  });

  it('takes the names and origins a relay behind a proxy answers to, normalised', () => {
    const config = parseConfig(['--handshake-rate', '0'], {
      ALLOWED_HOSTS: 'Wall.Example.gov.cn, .lb.internal,10.9.8.7,[fd00::7],fd00::8',
      ALLOWED_ORIGINS: 'https://Wall.Example.gov.cn/, http://10.9.8.7:8080',
    });
    expect(config).toMatchObject({
      allowedHosts: ['wall.example.gov.cn', '.lb.internal', '10.9.8.7', 'fd00::7', 'fd00::8'],
      allowedOrigins: ['https://wall.example.gov.cn', 'http://10.9.8.7:8080'],
      handshakeRate: 0,
    });
  });

  it('reads the environment and lets flags override it', () => {
    const config = parseConfig(['--port', '9000', '--tick-hz', '10'], {
      PORT: '8081',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      TOPIC_PREFIX: 'test.shiquan',
      WALL_TOKEN: 'correct-horse-battery-staple',
      TIME_ZONE: 'Europe/Berlin',
      DEMO_DAY: '2019-02-05',
      DEMO_PACE: '1',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 9000,
      tickHz: 10,
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      topicPrefix: 'test.shiquan',
      wallToken: 'correct-horse-battery-staple',
      timeZone: 'Europe/Berlin',
      demoDay: '2019-02-05',
      demoPace: 1,
      logLevel: 'debug',
    });
  });

  it('takes the video wall shape in its normal form, for walls whose URL does not say', () => {
    expect(parseConfig(['--wall-grid', '4X2'], { WALL_SIZE: '7680×2160', WALL_BEZEL: '12', WALL_DPR: '1.5' })).toMatchObject({
      wallSize: '7680x2160',
      wallGrid: '4x2',
      wallBezel: 12,
      wallDpr: 1.5,
    });
    expect(parseConfig([], {})).toMatchObject({ wallSize: null, wallGrid: null, wallBezel: null, wallDpr: null });
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig([], { KAFKA_BROKERS: '', WALL_TOKEN: '' })).toMatchObject({ kafkaBrokers: null, wallToken: null });
  });

  it.each([
    [{ PORT: 'http' }, 'PORT (--port) must be an integer 1–65535, got "http"'],
    [{ PORT: '65536' }, 'PORT (--port) must be an integer 1–65535, got "65536"'],
    [{ PORT: '80.5' }, 'PORT (--port) must be an integer 1–65535, got "80.5"'],
    [{ TICK_HZ: '0' }, 'TICK_HZ (--tick-hz) must be a number from 0.1 to 60, got "0"'],
    [{ TICK_HZ: '-4' }, 'TICK_HZ (--tick-hz) must be a number from 0.1 to 60, got "-4"'],
    [{ TIME_ZONE: 'Shanghai' }, 'TIME_ZONE (--time-zone) must be an IANA time zone such as Asia/Shanghai, got "Shanghai"'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS (--kafka-brokers) must be a list of host:port, comma-separated, got "localhost"'],
    [{ TOPIC_PREFIX: 'shi quan' }, `TOPIC_PREFIX (--topic-prefix) must be letters, digits, '.', '_' or '-' (Kafka's topic characters), got "shi quan"`],
    [{ DEMO_DAY: '2019-02-30' }, 'DEMO_DAY (--demo-day) must be a date YYYY-MM-DD, got "2019-02-30"'],
    [{ DEMO_DAY: 'yesterday' }, 'DEMO_DAY (--demo-day) must be a date YYYY-MM-DD, got "yesterday"'],
    [{ DEMO_PACE: '0' }, 'DEMO_PACE (--demo-pace) must be an integer 1–50, got "0"'],
    [{ DEMO_PACE: '2.5' }, 'DEMO_PACE (--demo-pace) must be an integer 1–50, got "2.5"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL (--log-level) must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    [{ WALL_SIZE: '7680' }, 'WALL_SIZE (--wall-size) is not valid: expected WIDTHxHEIGHT in CSS pixels, each 320–32768, got "7680"'],
    [{ WALL_GRID: '4by2' }, 'WALL_GRID (--wall-grid) is not valid: expected COLSxROWS of screens, 1–16 by 1–8, got "4by2"'],
    [{ WALL_BEZEL: '-2' }, 'WALL_BEZEL (--wall-bezel) is not valid: expected whole CSS pixels, 0–200, got "-2"'],
    [{ WALL_DPR: '8' }, 'WALL_DPR (--wall-dpr) is not valid: expected a number from 0.25 to 4, got "8"'],
    [
      { ALLOWED_HOSTS: 'wall.example:8080' },
      `ALLOWED_HOSTS (--allowed-hosts) must be host names or addresses without a port, comma-separated ('.example.com' for a domain, '*' for any), got "wall.example:8080"`,
    ],
    [
      { ALLOWED_ORIGINS: 'https://wall.example/wall' },
      'ALLOWED_ORIGINS (--allowed-origins) must be origins like https://wall.example.com or http://10.1.2.3:8080 (scheme, host, port; no path), comma-separated, got "https://wall.example/wall"',
    ],
    [
      { ALLOWED_ORIGINS: 'wall.example' },
      'ALLOWED_ORIGINS (--allowed-origins) must be origins like https://wall.example.com or http://10.1.2.3:8080 (scheme, host, port; no path), comma-separated, got "wall.example"',
    ],
    [{ HANDSHAKE_RATE: '-1' }, 'HANDSHAKE_RATE (--handshake-rate) must be a number from 0 (no limit) to 100000, got "-1"'],
  ])('refuses %o with one line naming the setting', (env, message) => {
    const error = configError([], env);
    expect(error).toBe(message);
    expect(error).not.toContain('\n');
  });

  it('names a bad flag value the same way', () => {
    expect(configError(['--port', '0'], {})).toBe('PORT (--port) must be an integer 1–65535, got "0"');
  });

  it('refuses a short or weak wall token without echoing it', () => {
    const short = configError([], { WALL_TOKEN: 'wall-9f3e1c-7a2' });
    expect(short).toBe('WALL_TOKEN (--wall-token) must be at least 16 characters');
    expect(short).not.toContain('9f3e1c');
    expect(configError(['--wall-token', 'aaaaaaaaaaaaaaaaaaaaaaaa'], {})).toBe('WALL_TOKEN (--wall-token) is too weak: fewer than 8 different characters');
  });
});
