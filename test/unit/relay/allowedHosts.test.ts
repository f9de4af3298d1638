import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, parseHost, type HostRules } from '../../../relay/http/allowedHosts.ts';

const own = new Set(['localhost', '127.0.0.1', '::1', 'relay-pc', '10.1.2.3']);
const rules = (extra: string[] = [], origins: string[] = []): HostRules => ({ own: () => own, extra, origins });

describe('the Host a request may name', () => {
  it('parses names, addresses and ports', () => {
    expect(parseHost('Relay-PC.:8080')).toEqual({ hostname: 'relay-pc', port: '8080' });
    expect(parseHost('[::1]:8080')).toEqual({ hostname: '::1', port: '8080' });
    expect(parseHost('10.1.2.3')).toEqual({ hostname: '10.1.2.3', port: '' });
    for (const bad of [undefined, '', 'a b', 'user@host', 'host:port', '::1', 'http://host']) expect(parseHost(bad)).toBeNull();
  });

  it("allows the machine's own names on any port, and nothing else by default", () => {
    for (const host of ['localhost:8080', '127.0.0.1:1', '[::1]:8080', 'RELAY-PC', '10.1.2.3:80']) expect(hostAllowed(host, rules()), host).toBe(true);
    for (const host of ['evil.example', 'evil.example:8080', '127.0.0.2:8080', 'relay-pc.evil.example', undefined]) {
      expect(hostAllowed(host, rules()), host).toBe(false);
    }
  });

  it('allows the names of ALLOWED_HOSTS: exact, a domain with its subdomains, or any', () => {
    const listed = rules(['wall.example.gov.cn', '.lb.internal']);
    expect(hostAllowed('wall.example.gov.cn:443', listed)).toBe(true);
    expect(hostAllowed('lb.internal', listed)).toBe(true);
    expect(hostAllowed('relay-2.lb.internal:8080', listed)).toBe(true);
    expect(hostAllowed('evil-lb.internal', listed)).toBe(false);
    expect(hostAllowed('example.gov.cn', listed)).toBe(false);
    expect(hostAllowed('anything.example', rules(['*']))).toBe(true);
  });
});

describe('the Origin that may open a wall websocket', () => {
  it('allows a handshake without Origin: not a browser', () => {
    expect(originAllowed(undefined, '127.0.0.1:8080', rules())).toBe(true);
  });

  it("allows the relay's own origin: the same host and port as the request's Host", () => {
    expect(originAllowed('http://127.0.0.1:8080', '127.0.0.1:8080', rules())).toBe(true);
    expect(originAllowed('http://relay-pc', 'relay-pc:80', rules())).toBe(true);
    expect(originAllowed('https://wall.example', 'wall.example', rules())).toBe(true);
    expect(originAllowed('http://[::1]:8080', '[::1]:8080', rules())).toBe(true);
    expect(originAllowed('http://127.0.0.1:8081', '127.0.0.1:8080', rules())).toBe(false);
    expect(originAllowed('http://localhost:8080', '127.0.0.1:8080', rules())).toBe(false);
  });

  it('refuses other sites, null and junk, unless ALLOWED_ORIGINS lists them', () => {
    for (const origin of ['http://evil.example', 'http://evil.example:8080', 'null', 'file://', 'chrome-extension://abc', '']) {
      expect(originAllowed(origin, '127.0.0.1:8080', rules()), origin).toBe(false);
    }
    const behindProxy = rules([], ['https://wall.example.gov.cn']);
    expect(originAllowed('https://wall.example.gov.cn', 'relay-pc:8080', behindProxy)).toBe(true);
    expect(originAllowed('https://WALL.example.gov.cn:443', 'relay-pc:8080', behindProxy)).toBe(true);
    expect(originAllowed('http://wall.example.gov.cn', 'relay-pc:8080', behindProxy)).toBe(false);
  });
});
