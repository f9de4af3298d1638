// Kafka security from the environment: each protocol's options as kafkajs takes them, secrets
// from _FILE variables, and one line naming the variable for every bad combination — checked
// before any connection (certificates are parsed now, not at the first handshake).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KafkaSecurityError, kafkaProblem, kafkaSecurityFromEnv } from '../../../kafka/security.ts';

const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const KEY = join(dir, 'client.key');
const CERT = join(dir, 'client.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', KEY, '-out', CERT, '-days', '1', '-subj', '/CN=t'], { stdio: 'ignore' });
/** A key that is not the certificate's. */
const OTHER_KEY = execFileSync('openssl', ['genpkey', '-algorithm', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'], { encoding: 'utf8' });

const SASL = { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'relay', KAFKA_SASL_PASSWORD: 's3cret' };
const refusal = (env: Record<string, string>) => {
  try {
    kafkaSecurityFromEnv(env);
  } catch (error) {
    if (error instanceof KafkaSecurityError) return error.message;
    throw error;
  }
  return null;
};

describe('Kafka security settings', () => {
  it('is plaintext without settings', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({ description: 'PLAINTEXT' });
  });

  it('gives kafkajs SASL over TLS, with the system CAs unless a CA file is named', () => {
    expect(kafkaSecurityFromEnv(SASL)).toEqual({
      ssl: {},
      sasl: { mechanism: 'scram-sha-512', username: 'relay', password: 's3cret' },
      description: 'SASL_SSL SCRAM-SHA-512 as relay',
    });
    expect(kafkaSecurityFromEnv({ ...SASL, KAFKA_TLS_CA_FILE: CERT }).ssl).toEqual({ ca: [expect.stringContaining('BEGIN CERTIFICATE')] });
  });

  it('reads secrets from _FILE variables, without their trailing newline', () => {
    const { KAFKA_SASL_PASSWORD: _, ...withoutPassword } = SASL;
    const security = kafkaSecurityFromEnv({ ...withoutPassword, KAFKA_SASL_PASSWORD_FILE: file('password', 'from-a-file\n') });
    expect(security.sasl).toMatchObject({ password: 'from-a-file' });
  });

  it('takes a client certificate with its key', () => {
    const security = kafkaSecurityFromEnv({ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_TLS_CERT_FILE: CERT, KAFKA_TLS_KEY_FILE: KEY });
    expect(security.ssl).toMatchObject({ cert: expect.stringContaining('CERTIFICATE'), key: expect.stringContaining('PRIVATE KEY') });
    expect(security.sasl).toBeUndefined();
  });

  it.each([
    [{ KAFKA_SECURITY_PROTOCOL: 'TLS' }, /^KAFKA_SECURITY_PROTOCOL must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' }, /^KAFKA_SASL_MECHANISM is required with SASL/],
    [{ ...SASL, KAFKA_SASL_USERNAME: '' }, /^KAFKA_SASL_USERNAME is required/],
    [{ ...SASL, KAFKA_SASL_PASSWORD: '' }, /^KAFKA_SASL_PASSWORD \(or KAFKA_SASL_PASSWORD_FILE\) is required/],
    [{ ...SASL, KAFKA_SASL_PASSWORD_FILE: file('p2', 'x') }, /^KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE are both set/],
    [{ ...SASL, KAFKA_SASL_PASSWORD: '', KAFKA_SASL_PASSWORD_FILE: file('empty', '\n') }, /^KAFKA_SASL_PASSWORD_FILE names an empty file/],
    [{ ...SASL, KAFKA_SASL_PASSWORD: '', KAFKA_SASL_PASSWORD_FILE: join(dir, 'missing') }, /^KAFKA_SASL_PASSWORD_FILE names a file that cannot be read: .* \(ENOENT\)$/],
    [{ KAFKA_SASL_USERNAME: 'relay' }, /^KAFKA_SASL_\* is set but KAFKA_SECURITY_PROTOCOL is PLAINTEXT/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p', KAFKA_TLS_CA_FILE: CERT }, /^KAFKA_TLS_\* is set but KAFKA_SECURITY_PROTOCOL is SASL_PLAINTEXT/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_TLS_CA_FILE: file('not.pem', 'hello') }, /^KAFKA_TLS_CA_FILE is not a PEM file with a certificate/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_TLS_CERT_FILE: CERT }, /^KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE go together/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_TLS_CA_FILE: file('broken.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n') }, /^KAFKA_TLS_CA_FILE holds a certificate that does not parse/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_TLS_CERT_FILE: CERT, KAFKA_TLS_KEY_FILE: file('other.key', OTHER_KEY) }, /^the TLS files do not load/],
  ])('refuses %o in one line', (env, message) => {
    const line = refusal(env);
    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('s3cret');
  });
});

describe("why Kafka does not serve a client", () => {
  it('names credentials, trust, permissions, or else unreachable, from kafkajs errors and their causes', () => {
    const wrapped = (cause: object) => Object.assign(new Error('cannot reach Kafka at k:9093 (…)'), { cause });
    expect(kafkaProblem(wrapped(Object.assign(new Error('SASL PLAIN authentication failed'), { name: 'KafkaJSSASLAuthenticationError' }))).kind).toBe('credentials');
    expect(kafkaProblem(wrapped(Object.assign(new Error('Connection error: self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }))).kind).toBe('tls');
    const denied = Object.assign(new Error('Topic creation errors'), { errors: [Object.assign(new Error('Not authorized'), { type: 'TOPIC_AUTHORIZATION_FAILED' })] });
    expect(kafkaProblem(wrapped(denied))).toEqual({ kind: 'authorization', message: 'Kafka denied access: TOPIC_AUTHORIZATION_FAILED (Not authorized); check the ACLs' });
    expect(kafkaProblem(wrapped(new Error('connect ECONNREFUSED 127.0.0.1:9093')))).toEqual({ kind: 'unreachable', message: 'cannot reach Kafka (connect ECONNREFUSED 127.0.0.1:9093)' });
  });
});
