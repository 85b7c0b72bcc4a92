/**
 * Type-level tests on the GENERATED documents and the method groups: compiled by `tsc --noEmit`
 * (npm run typecheck), never run. Each `@ts-expect-error` line must be a compile error, or tsc fails
 * with "Unused '@ts-expect-error' directive".
 */
import {
  createClient,
  GetCandidateDocument,
  ListOpeningsDocument,
  RegisterCandidateDocument,
  SimulateFinancingDocument,
  estimateCosts,
  fromGraphQLMoney,
  type CostEstimateResult,
  type DomainMoney,
  type ListOpeningsQuery,
  type OpeningItem,
  type ResultOf,
  type Route,
  type VariablesOf,
} from '../index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

const client = createClient({ url: 'https://jembatan.example/graphql', apiKey: 'jmb_0123456789abcdef_x' });

export async function rawRequestWithGeneratedDocuments(): Promise<void> {
  const data = await client.request(ListOpeningsDocument, { first: 20, filter: { routes: ['E7_3'], statuses: ['OPEN'] } });
  assertType<Equal<typeof data, ListOpeningsQuery>>();
  const node = data.jobOpenings.edges[0]?.node;
  const seatsLeft: number | undefined = node?.seatsLeft;
  const amount: string | undefined = node?.wage.monthly?.amount;
  void seatsLeft;
  void amount;

  // @ts-expect-error wrong variable type: `first` is an Int
  await client.request(ListOpeningsDocument, { first: '20' });
  // @ts-expect-error not a Route of the schema
  await client.request(ListOpeningsDocument, { first: 20, filter: { routes: ['E10'] } });
  // @ts-expect-error a variable the operation does not declare
  await client.request(ListOpeningsDocument, { first: 20, route: 'E7_3' });
  // @ts-expect-error `first` is required
  await client.request(ListOpeningsDocument, {});
  // @ts-expect-error unknown field: the vacancy board does not select (or have) the NIK
  void node?.nik;
  // @ts-expect-error a Money amount is a string (GraphQL Int is 32-bit): no arithmetic without converting
  const n: number | undefined = node?.wage.monthly?.amount;
  void n;
  // @ts-expect-error wage.monthly is nullable (NOT_STATED / STATUTORY_MINIMUM)
  void node?.wage.monthly.amount;

  // @ts-expect-error a nested input field of the wrong type: the NIK is a string
  await client.request(RegisterCandidateDocument, { input: { profile: { nik: 3673011501990001 } } });
  // @ts-expect-error an unknown input field
  await client.request(RegisterCandidateDocument, { input: { profile: {}, fullName: 'Siti' } });
  // @ts-expect-error an enum value that does not exist
  await client.request(RegisterCandidateDocument, { input: { profile: { declaredSex: 'X' } } });

  const candidate = (await client.request(GetCandidateDocument, { id: 'c' })).candidate;
  // @ts-expect-error candidate is nullable
  void candidate.stage;
  // @ts-expect-error unknown field on the candidate
  void candidate?.fullName;

  assertType<Equal<VariablesOf<typeof SimulateFinancingDocument>['input']['amountIdr'], string>>();
  assertType<Equal<ResultOf<typeof SimulateFinancingDocument>['financingSimulation']['affordableInAllScenarios'], boolean>>();
}

export async function methodGroups(): Promise<void> {
  for await (const opening of client.openings.list({ route: 'E7_3' })) {
    assertType<Equal<typeof opening, OpeningItem>>();
    const route: Route = opening.route;
    void route;
    // @ts-expect-error unknown field on the list item
    void opening.title;
  }
  // @ts-expect-error not a Route
  client.openings.list({ route: 'E10' });
  // @ts-expect-error not an opening status
  client.openings.list({ status: 'PUBLISHED' });
  // @ts-expect-error list options: pageSize is a number
  client.openings.list({}, { pageSize: '50' });

  // @ts-expect-error allocateSeat needs the opening
  await client.candidates.allocateSeat({ candidateId: 'c' });
  // @ts-expect-error not a candidate stage
  await client.candidates.advance({ id: 'c', to: 'FLYING' });
  // @ts-expect-error the document kind is an enum
  await client.candidates.addDocument('c', { kind: 'DIPLOMA' });

  const estimate: CostEstimateResult = await client.costs.estimate({ route: 'E7_3', occupation: 'WELDER', contractMonths: 36, asOf: '2026-01-15' });
  const worker: DomainMoney = fromGraphQLMoney(estimate.workerTotal);
  void worker;
  // @ts-expect-error contractMonths is an Int, not a string
  await client.costs.estimate({ route: 'E7_3', occupation: 'WELDER', contractMonths: '36', asOf: '2026-01-15' });
  // @ts-expect-error amountIdr is a decimal string (whole rupiah), not a number
  await client.financing.simulate({ asOf: '2026-01-15', amountIdr: 15_000_000, tenorMonths: 24, livingCostShare: '0.4', maxDebtServiceRatio: '0.3' });

  // Texts are { idn, en } and cost lines have a lineId: the deprecated `id` fields are not selected (issue 14)
  const line = estimate.lines[0];
  const indonesian: string | undefined = line?.label.idn;
  const lineId: string | undefined = line?.lineId;
  void indonesian;
  void lineId;
  // @ts-expect-error a text's Indonesian is `idn`; its deprecated `id` is not selected
  void line?.label.id;
  // @ts-expect-error a cost line's id is `lineId`; the deprecated `id` is not selected
  void line?.id;

  const parameter = await client.parameters.get('kur.annualRate', '2026-01-15');
  const parameterId: string = parameter.parameterId;
  void parameterId;
  // @ts-expect-error a parameter's id is `parameterId`; the deprecated `id` is not selected
  void parameter.id;
  // @ts-expect-error the value is `unknown` (a number, a string or an object): narrow it first
  const rate: string = parameter?.value;
  void rate;

  // the offline calculators are typed by the domain
  // @ts-expect-error estimateCosts needs a parameter snapshot
  estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 36 });
}
