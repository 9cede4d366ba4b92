/**
 * A port: what a lower module needs from a higher one, named by the lower module and plugged in once by
 * `wireModules` (src/server/wiring.ts), so every import between modules points down. Using a port before it
 * is plugged in is a wiring mistake and fails loudly.
 */
export function definePort<T>(name: string, provider: string) {
  let provided: T | null = null;
  return {
    provide(implementation: T): void {
      provided = implementation;
    },
    get(): T {
      if (!provided)
        throw new Error(`${provider} has not provided ${name} (see wireModules in src/server/wiring.ts)`);
      return provided;
    },
  };
}
