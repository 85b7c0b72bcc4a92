/** Lookup lists for forms and filters: routes and occupations with their bilingual labels. */
import { OCCUPATIONS, OCCUPATION_LABELS, ROUTES, ROUTE_LABELS, type Occupation, type Route } from '@jembatan/domain';
import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE } from '../../security/rules';
import { OccupationEnum, RouteEnum } from '../enums';
import { BilingualText } from '../types/label.type';

@ObjectType({ description: 'A visa route with its label.' })
class RouteInfo {
  @Field(() => RouteEnum, { description: 'The route code.' })
  code!: Route;

  @Field(() => BilingualText, { description: 'Human-readable name.' })
  label!: BilingualText;
}

@ObjectType({ description: 'An occupation with its label.' })
class OccupationInfo {
  @Field(() => OccupationEnum, { description: 'The occupation code.' })
  code!: Occupation;

  @Field(() => BilingualText, { description: 'Human-readable name.' })
  label!: BilingualText;
}

@Resolver()
export class VocabularyResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => [RouteInfo], { description: 'Every visa route the program knows, with labels (for forms and filters).' })
  routes(): RouteInfo[] {
    return ROUTES.map((code) => ({ code, label: { ...ROUTE_LABELS[code] } }));
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => [OccupationInfo], { description: 'Every occupation the program knows, with labels.' })
  occupations(): OccupationInfo[] {
    return OCCUPATIONS.map((code) => ({ code, label: { ...OCCUPATION_LABELS[code] } }));
  }
}
