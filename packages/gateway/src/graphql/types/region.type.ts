/** Kota Serang's administrative regions with their Kemendagri and BPS codes (issue 12), as GraphQL types. */
import { REGION_EDITION, REGION_LEVELS, regionSources, type KotaSerangKecamatan, type Region, type RegionLevel } from '../../domain';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { KecamatanEnum } from '../enums';
import { DateScalar } from '../scalars';
import { SourceReference } from './parameter.type';

export const RegionLevelEnum = Object.fromEntries(REGION_LEVELS.map((l) => [l, l])) as { [K in RegionLevel]: K };
registerEnumType(RegionLevelEnum, {
  name: 'RegionLevel',
  description: 'Level of an administrative region.',
  valuesConfig: {
    CITY: { description: 'Regency/city (kabupaten/kota): Kota Serang, 36.73.' },
    KECAMATAN: { description: 'Kecamatan (district), e.g. 36.73.01 Serang.' },
    KELURAHAN: { description: 'Kelurahan (urban village), e.g. 36.73.01.1001 Serang. Kota Serang has no desa.' },
  },
});

@ObjectType('RegionSource', { description: 'Which editions the codes follow, and the citations of the datasets they were read from.' })
export class RegionSourceGql {
  @Field(() => String, { description: 'The Kemendagri decree the Kemendagri codes and names follow.' }) kemendagriDecree!: string;
  @Field(() => DateScalar, { description: 'The date the decree was signed (ditetapkan).' }) kemendagriDecreedOn!: string;
  @Field(() => String, { nullable: true, description: 'The BPS edition of `bpsCode` (null when the region has no BPS code here).' }) bpsEdition!: string | null;
  @Field(() => [SourceReference], { description: 'The datasets read (repository, file, commit), the decrees they follow, the cross-checks, with the date read.' })
  references!: SourceReference[];
}

@ObjectType('Region', { description: 'An administrative region of Kota Serang: the city, a kecamatan or a kelurahan, with the codes that join to maps (Kemendagri) and statistics (BPS).' })
export class RegionGql {
  @Field(() => RegionLevelEnum, { description: 'Level.' }) level!: RegionLevel;
  @Field(() => String, { description: 'Kemendagri code, dotted as the decree writes it: "36.73", "36.73.01", "36.73.01.1001".' }) code!: string;
  @Field(() => String, { description: 'Name as the Kemendagri dataset writes it.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Kemendagri code of the region above (null for the city).' }) parentCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'BPS code (Kode Wilayah Kerja Statistik), undotted, e.g. "3673040" for kecamatan Serang; null when BPS’s bridge gives none. BPS numbers the kecamatan in another order than Kemendagri: join on the code of the system you join to.',
  })
  bpsCode!: string | null;
  @Field(() => KecamatanEnum, { nullable: true, description: 'The kecamatan it is or lies in, as the `kecamatan` of candidates and aggregates (null for the city).' })
  kecamatan!: KotaSerangKecamatan | null;
  @Field(() => RegionSourceGql, { description: 'Where the codes come from.' }) source!: RegionSourceGql;
}

function sourceFor(bps: boolean): RegionSourceGql {
  return {
    kemendagriDecree: REGION_EDITION.kemendagri.decree,
    kemendagriDecreedOn: REGION_EDITION.kemendagri.decreedOn,
    bpsEdition: bps ? REGION_EDITION.bps.period : null,
    references: regionSources().sources.map((s) => ({ title: s.title, url: s.url ?? null, regulation: s.regulation ?? null, readOn: s.readOn, note: s.note ?? null })),
  };
}

export function toRegionGql(r: Region): RegionGql {
  return { level: r.level, code: r.code, name: r.name, parentCode: r.parentCode, bpsCode: r.bpsCode, kecamatan: r.kecamatan, source: sourceFor(r.bpsCode !== null) };
}
