import { planContractMonths } from './plan-contract-months';

describe('planContractMonths: the placement’s contract, else the stated one, else the opening’s', () => {
  it.each([
    [{ placement: 36, requested: null, opening: 24 }, 36],
    [{ placement: 36, requested: 36, opening: null }, 36],
    [{ placement: null, requested: 30, opening: 24 }, 30],
    [{ placement: null, requested: null, opening: 24 }, 24],
    [{ placement: null, requested: null, opening: null }, null],
  ])('%j → %s', (sources, months) => {
    expect(planContractMonths(sources)).toEqual({ ok: true, value: months });
  });

  it('refuses a stated length that differs from the placement’s, pointing at contractMonths', () => {
    const r = planContractMonths({ placement: 36, requested: 24, opening: 36 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'FINANCING.CONTRACT_MONTHS_MISMATCH',
        message: { id: expect.stringContaining('penempatan'), en: expect.stringContaining('placement') },
        path: ['contractMonths'],
        details: { placementContractMonths: 36 },
      },
    });
  });
});
