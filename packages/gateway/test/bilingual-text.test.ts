/**
 * Fields that were called `id` without identifying anything unique (issue 14): the Indonesian text of a
 * BilingualText, a cost line's id, a parameter's id. Apollo Client and urql keyed such objects by
 * `__typename:id` and merged different objects that shared it. The new names (`idn`, `lineId`,
 * `parameterId`) answer now; `id` is deprecated and still answers the same value for one release.
 */
import { OCCUPATIONS, OCCUPATION_LABELS, ROUTES, ROUTE_LABELS } from '@jembatan/domain';
import { startTestGateway, type TestGateway } from './harness';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t?.close();
});

const RENAMED = [
  ['BilingualText', 'idn'],
  ['CostLineGql', 'lineId'],
  ['Parameter', 'parameterId'],
] as const;

interface IntrospectedField {
  name: string;
  isDeprecated: boolean;
  deprecationReason: string | null;
  type: { kind: string; name: string | null; ofType: { name: string | null } | null };
}

const FIELDS = 'fields(includeDeprecated: true) { name isDeprecated deprecationReason type { kind name ofType { name } } }';

async function objectTypes(): Promise<Array<{ name: string; kind: string; fields: IntrospectedField[] | null }>> {
  const res = await t.as('analyst').gql<{ __schema: { types: Array<{ name: string; kind: string; fields: IntrospectedField[] | null }> } }>(
    `{ __schema { types { name kind ${FIELDS} } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.__schema.types.filter((x) => x.kind === 'OBJECT' && !x.name.startsWith('__'));
}

async function fieldsOf(type: string): Promise<IntrospectedField[]> {
  const found = (await objectTypes()).find((x) => x.name === type);
  expect(found).toBeDefined();
  return found!.fields ?? [];
}

describe('introspection', () => {
  it.each(RENAMED)('%s.id is deprecated in favour of %s, which is not', async (type, replacement) => {
    const fields = await fieldsOf(type);
    const id = fields.find((f) => f.name === 'id');
    const next = fields.find((f) => f.name === replacement);
    expect(next).toMatchObject({ isDeprecated: false, deprecationReason: null, type: { kind: 'NON_NULL', ofType: { name: 'String' } } });
    expect(id).toMatchObject({ isDeprecated: true, type: { kind: 'NON_NULL', ofType: { name: 'String' } } });
    expect(id!.deprecationReason).toContain(`Use \`${replacement}\``);
    expect(id!.deprecationReason).toContain('Removed in the next minor release');
  });

  it('leaves `id` only on entities: an ID, or a String that names one fixed object', async () => {
    const stringIds: string[] = [];
    for (const type of await objectTypes()) {
      const id = type.fields?.find((f) => f.name === 'id' && !f.isDeprecated);
      if (id && id.type.ofType?.name !== 'ID') stringIds.push(type.name);
    }
    // A policy id and a rule-set id ("E9@2025-01-01") each name one object whose contents never vary:
    // a client cache may key them. A new String id here must be one of those, or be renamed.
    expect(stringIds.sort()).toEqual(['AppliedCostPolicy', 'EligibilityRuleSet']);
  });
});

describe('the deprecated id answers what the new name answers', () => {
  it('BilingualText: id equals idn, the domain text', async () => {
    const res = await t.gql<{ routes: Array<{ code: string; label: { id: string; idn: string; en: string } }>; occupations: Array<{ code: string; label: { id: string; idn: string; en: string } }> }>(
      '{ routes { code label { id idn en } } occupations { code label { idn id en } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const { routes, occupations } = res.body.data!;
    expect(routes.map((r) => [r.code, r.label])).toEqual(ROUTES.map((c) => [c, { id: ROUTE_LABELS[c].id, idn: ROUTE_LABELS[c].id, en: ROUTE_LABELS[c].en }]));
    expect(occupations.map((o) => [o.code, o.label])).toEqual(
      OCCUPATIONS.map((c) => [c, { idn: OCCUPATION_LABELS[c].id, id: OCCUPATION_LABELS[c].id, en: OCCUPATION_LABELS[c].en }]),
    );
  });

  it('CostLineGql and Parameter: id equals lineId / parameterId; their texts too', async () => {
    const res = await t.gql<{
      costEstimate: { lines: Array<{ id: string; lineId: string; label: { id: string; idn: string } }>; warnings: Array<{ message: { id: string; idn: string } }> };
      parameters: Array<{ id: string; parameterId: string; description: { id: string; idn: string } }>;
    }>(
      `{ costEstimate(input: { route: E9, occupation: MANUFACTURING_WORKER, contractMonths: 24, asOf: "2025-12-08" }) {
           lines { id lineId label { id idn } } warnings { message { id idn } } }
         parameters(asOf: "2025-12-08") { id parameterId description { id idn } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const { costEstimate, parameters } = res.body.data!;
    expect(costEstimate.lines.length).toBeGreaterThan(3);
    expect(parameters.length).toBeGreaterThan(10);
    for (const l of costEstimate.lines) {
      expect(l.lineId.length).toBeGreaterThan(0);
      expect(l.id).toBe(l.lineId);
      expect(l.label.id).toBe(l.label.idn);
    }
    for (const w of costEstimate.warnings) expect(w.message.id).toBe(w.message.idn);
    for (const p of parameters) {
      expect(p.parameterId.length).toBeGreaterThan(0);
      expect(p.id).toBe(p.parameterId);
      expect(p.description.idn.length).toBeGreaterThan(0);
      expect(p.description.id).toBe(p.description.idn);
    }
  });
});
