/** Opportunities compared: Kota Serang, Jabodetabek, transmigration, abroad; wage floors from dated parameters. */
export * from './opportunity-kinds';
export * from './wage-floor';
export * from './opportunity-input';
export * from './opportunity-result';
export * from './compare-opportunities';
