/** The one place the gateway imports the domain from (entities included). */
export * from '@jembatan/domain';
