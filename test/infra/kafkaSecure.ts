// A secured listener on the test broker, beside its PLAINTEXT one: SASL_SSL with PLAIN,
// SCRAM-SHA-256 and SCRAM-SHA-512, a certificate from a CA made here with openssl, and ACLs
// enforced by Kafka's StandardAuthorizer. Clients on the PLAINTEXT listener (every other test)
// are the anonymous principal, made a super user, so nothing changes for them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// kafkajs's CommonJS exports hide its ACL enums from named ESM imports.
import kafkajs from 'kafkajs';
import { parseBrokers } from './kafkaAdmin.ts';

const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, ResourcePatternTypes, logLevel } = kafkajs;

export interface Credentials {
  username: string;
  password: string;
}

/** What a test needs to reach the secured listener (handed over by the global setup). */
export interface SecureListener extends Omit<SecureFiles, 'keystoreFile'> {
  brokers: string;
  /** Holds the ACLs the tests grant (topics with the prefix `it-`, any group). */
  admitted: Credentials;
  /** Authenticates, but has no ACL at all. */
  stranger: Credentials;
}

export const ADMITTED: Credentials = { username: 'shiquan-relay', password: 'relay-secret-7Qm' };
export const STRANGER: Credentials = { username: 'shiquan-stranger', password: 'stranger-secret-2Vx' };
const USERS = [ADMITTED, STRANGER];
const MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'];

function openssl(args: string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`openssl ${args[0]} failed (is openssl installed?): ${stderr.trim()}`);
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A self-signed CA; returns its certificate and key files. */
function makeCa(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}.key`);
  openssl(['req', '-x509', ...EC, '-keyout', key, '-out', cert, '-days', '7', '-subj', `/CN=shiquan ${name}`]);
  return { cert, key };
}

/** A certificate signed by the CA for 127.0.0.1 (what clients connect to). */
function makeSigned(dir: string, name: string, ca: { cert: string; key: string }): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const extensions = join(dir, `${name}.ext`);
  writeFileSync(extensions, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(['req', ...EC, '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '7', '-extfile', extensions]);
  return { cert, key };
}

export interface SecureFiles {
  /** PEM of the CA that signed the broker's certificate. */
  caFile: string;
  /** PEM of a CA that signed nothing here: trusting only it must fail. */
  untrustedCaFile: string;
  /** The broker's key and certificate chain in one PEM file, as Kafka's PEM keystore reads it. */
  keystoreFile: string;
  clientCertFile: string;
  clientKeyFile: string;
}

/** The files makeCertificates wrote to `dir`. */
export function secureFilesIn(dir: string): SecureFiles {
  return {
    caFile: join(dir, 'ca.pem'),
    untrustedCaFile: join(dir, 'untrusted-ca.pem'),
    keystoreFile: join(dir, 'broker-keystore.pem'),
    clientCertFile: join(dir, 'client.pem'),
    clientKeyFile: join(dir, 'client.key'),
  };
}

export function makeCertificates(dir: string): SecureFiles {
  mkdirSync(dir, { recursive: true });
  const ca = makeCa(dir, 'ca');
  makeCa(dir, 'untrusted-ca');
  const broker = makeSigned(dir, 'broker', ca);
  makeSigned(dir, 'client', ca);
  const files = secureFilesIn(dir);
  writeFileSync(files.keystoreFile, [broker.key, broker.cert, ca.cert].map((file) => readFileSync(file, 'utf8')).join(''));
  return files;
}

const jaasValue = (text: string) => JSON.stringify(text);

/** The server.properties lines of the SASL_SSL listener (merged into the broker's own). */
export function secureSettings({ keystoreFile, caFile }: SecureFiles): Record<string, string> {
  const plainUsers = USERS.map(({ username, password }) => `user_${username}=${jaasValue(password)}`).join(' ');
  return {
    'listener.name.sasl_ssl.sasl.enabled.mechanisms': ['PLAIN', ...MECHANISMS].join(','),
    'listener.name.sasl_ssl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`,
    'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'listener.name.sasl_ssl.ssl.keystore.type': 'PEM',
    'listener.name.sasl_ssl.ssl.keystore.location': keystoreFile,
    'listener.name.sasl_ssl.ssl.client.auth': 'requested',
    'listener.name.sasl_ssl.ssl.truststore.type': 'PEM',
    'listener.name.sasl_ssl.ssl.truststore.location': caFile,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    // The PLAINTEXT and controller listeners' anonymous principal: every other test, unchanged.
    'super.users': 'User:ANONYMOUS',
  };
}

/** StorageTool format arguments that create the SCRAM users with the metadata log. */
export function scramFormatArgs(): string[] {
  return USERS.flatMap(({ username, password }) =>
    MECHANISMS.flatMap((mechanism) => ['--add-scram', `${mechanism}=[name=${username},password=${password}]`]),
  );
}

/** The admitted user may do anything with the tests' topics (`it-…`) and any group; the stranger nothing. */
export async function grantTestAcls(plaintextBrokers: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'shiquan-test-acls', brokers: parseBrokers(plaintextBrokers), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const allow = { principal: `User:${ADMITTED.username}`, host: '*', operation: AclOperationTypes.ALL, permissionType: AclPermissionTypes.ALLOW };
  try {
    await admin.createAcls({
      acl: [
        { ...allow, resourceType: AclResourceTypes.TOPIC, resourceName: 'it-', resourcePatternType: ResourcePatternTypes.PREFIXED },
        { ...allow, resourceType: AclResourceTypes.GROUP, resourceName: '*', resourcePatternType: ResourcePatternTypes.LITERAL },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
