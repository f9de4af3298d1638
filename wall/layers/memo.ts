// Keeps a layer (or its data) while its inputs are the same objects: the map then sees the same
// layer list between ticks that changed nothing it shows, and asks deck.gl for no redraw.

/** `fn` wrapped to return its previous result while every argument is identical (===). */
export function memoizeLast<Args extends readonly unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result {
  let last: { args: Args; result: Result } | null = null;
  return (...args: Args) => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
