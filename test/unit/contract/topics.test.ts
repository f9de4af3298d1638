import { describe, expect, it } from 'vitest';
import { sourceOfTopic, topicNames } from '../../../relay/contract/index.ts';

describe('topic names', () => {
  it('uses the shiquan prefix by default', () => {
    expect(topicNames()).toEqual({
      sensor: 'shiquan.sensor',
      camera: 'shiquan.camera',
      alarm110: 'shiquan.alarm110',
      grid: 'shiquan.grid',
      hotline: 'shiquan.hotline',
      deadletter: 'shiquan.deadletter',
    });
  });

  it('puts a custom prefix in front of every topic', () => {
    expect(topicNames('staging-2').camera).toBe('staging-2.camera');
    expect(topicNames('staging-2').deadletter).toBe('staging-2.deadletter');
  });

  it.each(['', 'has space', 'slash/prefix', '石泉', '.', '..'])(
    'refuses the prefix %j with a clear one-line error',
    (prefix) => {
      expect(() => topicNames(prefix)).toThrow(/^invalid topic prefix .*letters, digits/);
    },
  );

  it('refuses a prefix that would make a topic name longer than Kafka allows', () => {
    expect(() => topicNames('p'.repeat(238))).not.toThrow();
    expect(() => topicNames('p'.repeat(239))).toThrow(/at most 238 are allowed/);
  });
});

describe('source of a topic', () => {
  it('finds the source of each of its own topics', () => {
    const names = topicNames('demo');
    expect(sourceOfTopic('demo', names.sensor)).toBe('sensor');
    expect(sourceOfTopic('demo', names.camera)).toBe('camera');
    expect(sourceOfTopic('demo', names.alarm110)).toBe('alarm110');
    expect(sourceOfTopic('demo', names.grid)).toBe('grid');
    expect(sourceOfTopic('demo', names.hotline)).toBe('hotline');
  });

  it('has no source for the dead-letter topic, other prefixes or near misses', () => {
    expect(sourceOfTopic('shiquan', 'shiquan.deadletter')).toBeNull();
    expect(sourceOfTopic('shiquan', 'other.sensor')).toBeNull();
    expect(sourceOfTopic('shiquan', 'shiquansensor')).toBeNull();
    expect(sourceOfTopic('shiquan', 'shiquan.sensor.v2')).toBeNull();
  });
});
