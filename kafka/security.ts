// Connecting to a secured Kafka cluster: SASL (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) and TLS (a
// CA to trust, optionally a client certificate), from environment variables only, in Kafka's own
// words (security.protocol, sasl.mechanism), so that secrets never appear in a command line.
// Each secret may instead come from a file named by the same variable plus _FILE (container
// secrets). Shared by the relay and the simulator; everything is checked before connecting, and
// a bad value is one line naming the variable.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext, type ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
type Protocol = (typeof SECURITY_PROTOCOLS)[number];
type Mechanism = (typeof SASL_MECHANISMS)[number];

/** For --help: every variable, with what it means. */
export const KAFKA_SECURITY_VARIABLES: readonly [string, string][] = [
  ['KAFKA_SECURITY_PROTOCOL', `${SECURITY_PROTOCOLS.join(', ')} (default PLAINTEXT)`],
  ['KAFKA_SASL_MECHANISM', `${SASL_MECHANISMS.join(', ')} (with SASL_*)`],
  ['KAFKA_SASL_USERNAME', 'the SASL user'],
  ['KAFKA_SASL_PASSWORD', 'its password; or KAFKA_SASL_PASSWORD_FILE, a file holding it'],
  ['KAFKA_TLS_CA_FILE', "PEM certificate(s) of the CA that signed the brokers' (default: the system's CAs)"],
  ['KAFKA_TLS_CERT_FILE', 'PEM client certificate, for brokers that require one'],
  ['KAFKA_TLS_KEY_FILE', "the client certificate's PEM private key"],
  ['KAFKA_TLS_KEY_PASSWORD', "the key's passphrase; or KAFKA_TLS_KEY_PASSWORD_FILE"],
];

/** The variables as --help lists them, under a heading. */
export const KAFKA_SECURITY_HELP = `Kafka security (environment only, so that no secret shows in ps):
${KAFKA_SECURITY_VARIABLES.map(([name, meaning]) => `  ${name.padEnd(24)} ${meaning}`).join('\n')}`;

export interface KafkaSecurity {
  /** As kafkajs takes them; absent for PLAINTEXT. */
  ssl?: ConnectionOptions;
  sasl?: SASLOptions;
  /** For logs: protocol, mechanism and user, never a secret. */
  description: string;
}

/** A bad security setting; `message` is the one line to show. */
export class KafkaSecurityError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

const fail = (message: string): never => {
  throw new KafkaSecurityError(message);
};

/** A set variable, empty counting as unset (as shells and compose files leave them). */
const read = (env: Env, name: string) => (env[name] === '' ? undefined : env[name]);

function readFile(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`${name} names a file that cannot be read: ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** A secret from NAME or from the file NAME_FILE (one trailing newline dropped), not both. */
function secret(env: Env, name: string): string | undefined {
  const direct = read(env, name);
  const file = read(env, `${name}_FILE`);
  if (direct !== undefined && file !== undefined) fail(`${name} and ${name}_FILE are both set: give one`);
  if (file === undefined) return direct;
  const text = readFile(`${name}_FILE`, file).replace(/\r?\n$/, '');
  return text === '' ? fail(`${name}_FILE names an empty file: ${file}`) : text;
}

function pem(env: Env, name: string, label: RegExp, what: string): string | undefined {
  const path = read(env, name);
  if (path === undefined) return undefined;
  const text = readFile(name, path);
  if (!label.test(text)) fail(`${name} is not a PEM file with ${what}: ${path}`);
  if (what === 'a certificate') {
    try {
      new X509Certificate(text);
    } catch (error) {
      fail(`${name} holds a certificate that does not parse: ${path} (${(error as Error).message})`);
    }
  }
  return text;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((option) => option === value.trim().toUpperCase());
  return found ?? fail(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

function tlsOptions(env: Env): ConnectionOptions {
  const ca = pem(env, 'KAFKA_TLS_CA_FILE', /-----BEGIN CERTIFICATE-----/, 'a certificate');
  const cert = pem(env, 'KAFKA_TLS_CERT_FILE', /-----BEGIN CERTIFICATE-----/, 'a certificate');
  const key = pem(env, 'KAFKA_TLS_KEY_FILE', /-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key');
  const passphrase = secret(env, 'KAFKA_TLS_KEY_PASSWORD');
  if ((cert === undefined) !== (key === undefined)) fail('KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE go together: give both or neither');
  if (passphrase !== undefined && key === undefined) fail('KAFKA_TLS_KEY_PASSWORD is set without KAFKA_TLS_KEY_FILE');
  const options: ConnectionOptions = {
    ...(ca === undefined ? {} : { ca: [ca] }),
    ...(cert === undefined ? {} : { cert, key }),
    ...(passphrase === undefined ? {} : { passphrase }),
  };
  try {
    // Parses the PEM and matches the key to the certificate now, not at the first connection.
    createSecureContext(options);
  } catch (error) {
    fail(`the TLS files do not load (${(error as Error).message})`);
  }
  return options;
}

const SASL_OF: Record<Mechanism, SASLOptions['mechanism']> = {
  PLAIN: 'plain',
  'SCRAM-SHA-256': 'scram-sha-256',
  'SCRAM-SHA-512': 'scram-sha-512',
};

function saslOptions(env: Env): SASLOptions & { username: string } {
  const mechanismText = read(env, 'KAFKA_SASL_MECHANISM') ?? fail('KAFKA_SASL_MECHANISM is required with SASL: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512');
  const mechanism = SASL_OF[oneOf('KAFKA_SASL_MECHANISM', mechanismText, SASL_MECHANISMS)];
  const username = read(env, 'KAFKA_SASL_USERNAME') ?? fail('KAFKA_SASL_USERNAME is required with SASL');
  const password = secret(env, 'KAFKA_SASL_PASSWORD') ?? fail('KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE) is required with SASL');
  return { mechanism, username, password } as SASLOptions & { username: string };
}

/** The security settings in `env`; throws KafkaSecurityError with one line on a bad one. */
export function kafkaSecurityFromEnv(env: Env): KafkaSecurity {
  const protocolText = read(env, 'KAFKA_SECURITY_PROTOCOL');
  const protocol: Protocol = protocolText === undefined ? 'PLAINTEXT' : oneOf('KAFKA_SECURITY_PROTOCOL', protocolText, SECURITY_PROTOCOLS);
  const usesSasl = protocol.startsWith('SASL_');
  const usesTls = protocol.endsWith('SSL');
  const given = (prefix: string) => KAFKA_SECURITY_VARIABLES.some(([name]) => name.startsWith(prefix) && (read(env, name) ?? read(env, `${name}_FILE`)) !== undefined);
  if (!usesSasl && given('KAFKA_SASL_')) fail(`KAFKA_SASL_* is set but KAFKA_SECURITY_PROTOCOL is ${protocol}: use SASL_SSL or SASL_PLAINTEXT`);
  if (!usesTls && given('KAFKA_TLS_')) fail(`KAFKA_TLS_* is set but KAFKA_SECURITY_PROTOCOL is ${protocol}: use SSL or SASL_SSL`);
  const security: KafkaSecurity = { description: protocol };
  if (usesTls) security.ssl = tlsOptions(env);
  if (usesSasl) {
    const sasl = saslOptions(env);
    security.sasl = sasl;
    security.description += ` ${sasl.mechanism.toUpperCase()} as ${sasl.username}`;
  }
  return security;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  type?: string;
  cause?: unknown;
  errors?: unknown[];
}

/** An error, its causes (kafkajs wraps the first failure in its retries) and what it aggregates (per topic). */
function chain(error: unknown): ErrorLike[] {
  const errors: ErrorLike[] = [];
  for (let e = error as ErrorLike | undefined; e && errors.length < 10; e = e.cause as ErrorLike | undefined) {
    errors.push(e, ...((e.errors ?? []) as ErrorLike[]));
  }
  return errors;
}

function root(error: unknown): ErrorLike {
  let e = error as ErrorLike;
  while (e.cause) e = e.cause as ErrorLike;
  return e;
}

const TLS_TRUST = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|self[- ]signed|certificate/i;

/**
 * One line saying why Kafka would not serve this client: credentials, trust, permissions, or
 * not reached at all. For /readyz, the log and the simulator's error.
 */
export function kafkaProblem(error: unknown): { kind: 'credentials' | 'tls' | 'authorization' | 'unreachable'; message: string } {
  const errors = chain(error);
  const text = (root(error).message ?? String(error)).split('\n', 1)[0]!.slice(0, 200);
  if (errors.some((e) => e.name === 'KafkaJSSASLAuthenticationError')) {
    return { kind: 'credentials', message: `Kafka refused the SASL credentials (${text})` };
  }
  if (errors.some((e) => TLS_TRUST.test(e.code ?? '') || TLS_TRUST.test(e.message ?? ''))) {
    return { kind: 'tls', message: `the broker's TLS certificate is not trusted (${text}); check KAFKA_TLS_CA_FILE` };
  }
  const denied = errors.find((e) => /AUTHORIZATION_FAILED/.test(e.type ?? ''));
  if (denied) return { kind: 'authorization', message: `Kafka denied access: ${denied.type} (${denied.message ?? text}); check the ACLs` };
  return { kind: 'unreachable', message: `cannot reach Kafka (${text})` };
}
