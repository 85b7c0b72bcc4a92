/** The one place the gateway imports the domain from (entities, the seed fixture, training and the parameters' sources included). */
export * from '@jembatan/domain';
export * from '@jembatan/domain/entities';
export * from '@jembatan/domain/seed';
export * from '@jembatan/domain/training';
export * from '@jembatan/domain/sources';
