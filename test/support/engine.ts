/** One engine for all unit tests (grammar loading is the slow part). */
import { Engine } from '../../server/src/engine';

let shared: Promise<Engine> | undefined;
export function engine(): Promise<Engine> {
  shared ??= Engine.create();
  return shared;
}
