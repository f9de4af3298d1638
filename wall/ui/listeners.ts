// Who is told of a change as it happens. The owner of some state calls its listeners itself when it
// changes it, rather than each one copying the state over in a Svelte $effect, which runs a tick
// late and sees only the last of several changes made within one.
export type Listener<A extends unknown[]> = (...args: A) => void;

export class Listeners<A extends unknown[]> {
  private readonly all = new Set<Listener<A>>();

  /** `listener` is told of every change from now on; returns the function that stops it. */
  add(listener: Listener<A>): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  tell(...args: A): void {
    for (const listener of this.all) listener(...args);
  }
}
