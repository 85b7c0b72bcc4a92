/**
 * Where the region codes of `@jembatan/domain/regions` come from: `regions/data/kota-serang.sources.json`
 * (repositories, files, commits, the decrees they follow and the date they were read), kept out of
 * the regions entry point like the parameters' citations are kept out of the calculators.
 */
import regionSourceFile from '../regions/data/kota-serang.sources.json';
import { deepFreeze } from '../parameters/deep-freeze';
import type { SourceRef } from './parameter-source-files';

export interface RegionSourceFile {
  readonly id: string;
  readonly sources: readonly SourceRef[];
  readonly note?: string;
}

const FILE = deepFreeze(regionSourceFile as RegionSourceFile);

/** The citations of Kota Serang's region codes (Kemendagri dataset first, then the cross-checks and the BPS bridge). */
export function regionSources(): RegionSourceFile {
  return FILE;
}
