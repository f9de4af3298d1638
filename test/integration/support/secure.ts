// The variables that point a relay or the simulator at the test broker's SASL_SSL listener.
import type { Credentials, SecureListener } from '../../infra/kafkaSecure.ts';

export type Mechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export function secureEnv(listener: SecureListener, mechanism: Mechanism, user: Credentials = listener.admitted): Record<string, string> {
  return {
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: user.username,
    KAFKA_SASL_PASSWORD: user.password,
    KAFKA_TLS_CA_FILE: listener.caFile,
  };
}
