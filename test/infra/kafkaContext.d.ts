// Values that the integration project's global setup hands to its tests.
import type { SecureListener } from './kafkaSecure.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Kafka bootstrap servers, "host:port[,host:port…]": KAFKA_BROKERS or the broker started for the run. */
    kafkaBrokers: string;
    /** The broker's SASL_SSL listener; null for a KAFKA_BROKERS cluster. */
    kafkaSecure: SecureListener | null;
  }
}
export {};
