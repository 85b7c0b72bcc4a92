/** The one place the gateway imports the domain from (entities, the seed fixture, training, the parameters' sources and the region codes included). */
export * from '@jembatan/domain';
export * from '@jembatan/domain/entities';
export * from '@jembatan/domain/seed';
export * from '@jembatan/domain/training';
export * from '@jembatan/domain/sources';
export * from '@jembatan/domain/regions';
