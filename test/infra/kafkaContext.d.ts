// Values that the integration project's global setup hands to its tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Kafka bootstrap servers, "host:port[,host:port…]": KAFKA_BROKERS or the broker started for the run. */
    kafkaBrokers: string;
  }
}
export {};
