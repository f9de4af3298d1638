import { describe, expect, it } from 'vitest';
import { kafkaVersionOf, lastLines, newClusterId, serverProperties } from '../../infra/kafkaConfig.ts';

function parse(properties: string): Map<string, string> {
  return new Map(
    properties
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as [string, string];
      }),
  );
}

describe('serverProperties', () => {
  const settings = parse(serverProperties({ port: 19092, controllerPort: 19093, logDir: '/data/kraft' }));

  it('runs broker and controller in one KRaft node voting for itself on the controller port', () => {
    expect(settings.get('process.roles')).toBe('broker,controller');
    expect(settings.get('controller.quorum.voters')).toBe(`${settings.get('node.id')}@127.0.0.1:19093`);
    expect(settings.get('controller.listener.names')).toBe('CONTROLLER');
  });

  it('listens and advertises on 127.0.0.1 only, never localhost', () => {
    expect(settings.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(settings.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(serverProperties({ port: 1, controllerPort: 2, logDir: '/x' })).not.toContain('localhost');
  });

  it('lets one node hold the internal topics and start consumer groups without delay', () => {
    expect(settings.get('offsets.topic.replication.factor')).toBe('1');
    expect(settings.get('transaction.state.log.replication.factor')).toBe('1');
    expect(settings.get('transaction.state.log.min.isr')).toBe('1');
    expect(settings.get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('keeps its logs in the given directory', () => {
    expect(settings.get('log.dirs')).toBe('/data/kraft');
  });
});

describe('newClusterId', () => {
  it('is 16 bytes in unpadded base64url, like StorageTool random-uuid', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it('never starts with a dash, which the format command would read as a flag', () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 0x01)];
    const id = newClusterId(() => draws.shift()!);
    expect(id.startsWith('-')).toBe(false);
    expect(draws).toHaveLength(0);
  });
});

describe('kafkaVersionOf', () => {
  it('reads the kafka.version property of the pom', () => {
    expect(kafkaVersionOf('<properties>\n  <kafka.version> 3.9.1 </kafka.version>\n</properties>')).toBe('3.9.1');
  });

  it('says so when the pom has no such property', () => {
    expect(() => kafkaVersionOf('<project/>')).toThrow('no <kafka.version> property');
  });
});

describe('lastLines', () => {
  it('keeps the last non-empty lines', () => {
    expect(lastLines('a\nb\n\nc\nd\n\n', 2)).toBe('c\nd');
  });
});
