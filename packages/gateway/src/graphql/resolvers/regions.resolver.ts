/**
 * Region codes (issue 12): the public `regions` list, and the Kemendagri codes next to the kecamatan
 * of candidates and of KTP/KK addresses (the aggregate rows carry theirs in their own resolvers), so
 * results join to maps and statistics. Codes and names come from the domain (`@jembatan/domain/regions`); nothing here
 * reads the database.
 */
import {
  decideKotaSerangResidency,
  findKelurahan,
  kecamatanCode,
  regionsAt,
  type KotaSerangKecamatan,
  type RegionLevel,
  type ResidentialAddress,
} from '../../domain';
import { IsOptional, MaxLength } from 'class-validator';
import { Args, ArgsType, Authorized, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PERSONAL_RULE, PUBLIC_RULE } from '../../security/rules';
import { Candidate, ResidentialAddressGql } from '../types/candidate.type';
import { RegionGql, RegionLevelEnum, toRegionGql } from '../types/region.type';

@ArgsType()
export class RegionsArgs {
  @Field(() => RegionLevelEnum, { description: 'Which level to list.' })
  level!: RegionLevel;

  @Field(() => String, { nullable: true, description: 'Only the regions directly below this Kemendagri code (dots optional: "36.73" or "3673"; "36.73.01" for the kelurahan of kecamatan Serang). Omitted: every region of the level.' })
  @IsOptional() @MaxLength(16)
  parent?: string;
}

const codeOf = (k: KotaSerangKecamatan | null | undefined): string | null => (k ? kecamatanCode(k) : null);

@Resolver()
export class RegionsResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => [RegionGql], {
    description:
      'Kota Serang’s regions with their Kemendagri codes (and BPS codes where BPS’s bridge gives them): the city, its kecamatan or its kelurahan, optionally only those below `parent`, in code order. Public. A malformed `parent` is BAD_USER_INPUT (REGION.INVALID_CODE); a well-formed one outside Kota Serang lists nothing.',
  })
  regions(@Args() args: RegionsArgs): RegionGql[] {
    return regionsAt(args.level, args.parent).map(toRegionGql);
  }
}

@Resolver(() => Candidate)
export class CandidateRegionResolver {
  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => String, { nullable: true, description: 'Kemendagri code of `kecamatan` ("36.73.05"); null with it. See `regions`.' })
  kecamatanCode(@Root() c: Candidate): string | null {
    return codeOf(c.kecamatan);
  }
}

/** The Kota Serang kecamatan of a stored address (the residency decision's), or undefined. */
function kecamatanOfAddress(a: ResidentialAddress): KotaSerangKecamatan | undefined {
  try {
    return decideKotaSerangResidency(a).kecamatan;
  } catch {
    // a stored address whose city code no longer parses: no codes rather than a failed read
    return undefined;
  }
}

@Resolver(() => ResidentialAddressGql)
export class ResidentialAddressRegionResolver {
  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => String, { nullable: true, description: 'Kemendagri code of the kecamatan when the address is in Kota Serang and names one of its kecamatan; else null.' })
  kecamatanCode(@Root() a: ResidentialAddressGql): string | null {
    return codeOf(kecamatanOfAddress(a));
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Kemendagri code of the kelurahan when the written kelurahan is one of that kecamatan’s (case, spaces and BPS spellings ignored); else null.',
  })
  kelurahanCode(@Root() a: ResidentialAddressGql): string | null {
    const k = kecamatanOfAddress(a);
    return k && a.kelurahan ? (findKelurahan(k, a.kelurahan)?.code ?? null) : null;
  }
}

