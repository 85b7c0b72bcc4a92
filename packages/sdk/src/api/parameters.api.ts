import type { RequestOptions } from '../client/create-client.js';
import {
  ListOccupationsDocument,
  ListParametersDocument,
  ListRoutesDocument,
  type ListOccupationsQuery,
  type ListParametersQuery,
  type ListRoutesQuery,
} from '../generated/graphql.js';
import { JembatanError } from '../errors/jembatan-error.js';
import { defined, type Send } from './send.js';

/** A dated parameter with its value (`unknown`: a number, a decimal string or an object) and sources. */
export type ParameterItem = ListParametersQuery['parameters'][number];
export type RouteItem = ListRoutesQuery['routes'][number];
export type OccupationItem = ListOccupationsQuery['occupations'][number];

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
  };
}
