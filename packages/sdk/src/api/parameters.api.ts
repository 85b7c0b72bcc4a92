import type { RequestOptions } from '../client/create-client.js';
import {
  ListOccupationsDocument,
  ListParametersDocument,
  ListRegionsDocument,
  ListRoutesDocument,
  type ListOccupationsQuery,
  type ListParametersQuery,
  type ListRegionsQuery,
  type RegionLevel,
  type ListRoutesQuery,
} from '../generated/graphql.js';
import { JembatanError } from '../errors/jembatan-error.js';
import { defined, type Send } from './send.js';

/** A dated parameter with its value (`unknown`: a number, a decimal string or an object) and sources. */
export type ParameterItem = ListParametersQuery['parameters'][number];
export type RouteItem = ListRoutesQuery['routes'][number];
export type OccupationItem = ListOccupationsQuery['occupations'][number];
/** A region of Kota Serang (city, kecamatan or kelurahan) with its Kemendagri and BPS codes and their source. */
export type RegionItem = ListRegionsQuery['regions'][number];

export interface ParametersApi {
  /** Every parameter in force on `asOf` (YYYY-MM-DD), or only the `ids` given (an unknown id is `BAD_USER_INPUT`). */
  list(asOf: string, ids?: readonly string[], options?: RequestOptions): Promise<ParameterItem[]>;
  /**
   * One parameter in force on `asOf`. An unknown id, or a date the parameter is not in force on
   * (before its first value, or repealed), is `BAD_USER_INPUT` from the gateway.
   */
  get(id: string, asOf: string, options?: RequestOptions): Promise<ParameterItem>;
  /** The visa routes with their labels (for forms and filters). */
  routes(options?: RequestOptions): Promise<RouteItem[]>;
  /** The occupations with their labels. */
  occupations(options?: RequestOptions): Promise<OccupationItem[]>;
  /**
   * Kota Serang's regions at `level` (`CITY`, `KECAMATAN`, `KELURAHAN`) with their Kemendagri and BPS
   * codes, optionally only those below the Kemendagri code `parent` ("36.73.05"), in code order. A
   * malformed `parent` is `BAD_USER_INPUT` from the gateway.
   */
  regions(level: RegionLevel, parent?: string, options?: RequestOptions): Promise<RegionItem[]>;
}

export function parametersApi(send: Send): ParametersApi {
  const list: ParametersApi['list'] = (asOf, ids, options) =>
    send(ListParametersDocument, defined({ asOf, ids: ids ? [...ids] : undefined }), options).then((d) => d.parameters);
  return {
    list,
    get: async (id, asOf, options) => {
      const found = (await list(asOf, [id], options)).find((p) => p.parameterId === id);
      if (!found) {
        throw new JembatanError({
          code: 'INVALID_RESPONSE',
          messages: {
            id: 'Gateway tidak mengembalikan parameter yang diminta.',
            en: 'The gateway did not return the parameter asked for.',
          },
          operationName: 'ListParameters',
          operationType: 'query',
        });
      }
      return found;
    },
    routes: (options) => send(ListRoutesDocument, {}, options).then((d) => d.routes),
    occupations: (options) => send(ListOccupationsDocument, {}, options).then((d) => d.occupations),
    regions: (level, parent, options) => send(ListRegionsDocument, defined({ level, parent }), options).then((d) => d.regions),
  };
}
