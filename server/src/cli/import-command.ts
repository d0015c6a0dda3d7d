/** `norma import` – placeholder until the importers land. */
import { UsageError } from './io';

export async function runImport(_args: string[]): Promise<number> {
  throw new UsageError('norma import ist noch nicht verfügbar.');
}
