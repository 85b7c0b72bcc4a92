/** The seed program (DOMAIN.md §1) as data, and its builder/validator through the entity factories. */
export * from './seed-program.data';
export * from './build-seed-program';
