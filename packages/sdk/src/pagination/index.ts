export * from './paginate.js';
