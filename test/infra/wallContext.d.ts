// Values that the browser project's global setup hands to its tests.
declare module 'vitest' {
  export interface ProvidedContext {
    wallUrl: string;
  }
}
export {};
